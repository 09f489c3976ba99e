"""A visible item must not reveal a hidden parent nor a hidden cited text.

The matrix layer holds a private folder > public library > published
circular, and a validated proposal citing a draft and a published circular.
Two leaks found here in Plone and plone.restapi are fixed by the portal:
breadcrumbs skip parents the user may not view (browser/breadcrumbs.py) and
REST relation fields skip hidden targets (serializers/relations.py).
"""

from matrix_http import HIDDEN_PARENT_WORD
from matrix_http import JSON
from matrix_http import session_for
from matrix_http import TIMEOUT
from matrix_http import unique_word
from plone import api

import pytest


@pytest.fixture(scope="class")
def site(served_portal) -> dict:
    return {"portal": served_portal.absolute_url()}


class TestNoLeakThroughNeighbours:
    """A visible item must not reveal a hidden parent or a hidden cited text."""

    def test_page_hides_a_hidden_parent(self, site):
        url = f"{site['portal']}/prive/biblio/circulaire"
        page = session_for("Anonymous").get(url, timeout=TIMEOUT)
        assert page.status_code == 200
        assert "Circulaire visible" in page.text
        assert HIDDEN_PARENT_WORD not in page.text

    def test_breadcrumbs_hide_a_hidden_parent(self, site):
        url = f"{site['portal']}/prive/biblio/circulaire/@breadcrumbs"
        crumbs = session_for("Anonymous").get(url, headers=JSON, timeout=TIMEOUT)
        assert crumbs.status_code == 200
        assert crumbs.json()["items"][-1]["title"] == "Circulaire visible"
        assert HIDDEN_PARENT_WORD not in crumbs.text

    def test_relations_list_viewable_targets_only(self, site):
        session = session_for("Anonymous")
        with api.env.adopt_roles(["Manager"]):
            (brain,) = api.content.find(id="Proposal-validated")
        response = session.get(
            f"{site['portal']}/@relations",
            params={"source": brain.UID, "relation": "cites"},
            headers=JSON,
            timeout=TIMEOUT,
        )
        assert response.status_code == 200
        assert unique_word("Circular", "published") in response.text
        assert unique_word("Circular", "draft") not in response.text

    @pytest.mark.parametrize(
        "accept",
        [
            "application/json",
            "text/html",
        ],
    )
    def test_cited_draft_is_not_shown_on_the_citing_item(self, site, accept):
        url = f"{site['portal']}/plan/ch/m/Proposal-validated"
        response = session_for("Anonymous").get(
            url, headers={"Accept": accept}, timeout=TIMEOUT
        )
        assert response.status_code == 200
        assert unique_word("Proposal", "validated") in response.text
        assert unique_word("Circular", "draft") not in response.text
