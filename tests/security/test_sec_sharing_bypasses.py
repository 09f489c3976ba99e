"""The issue's sharing attacks, replayed over HTTP: each one is refused.

An author gave themselves the reviewer's role on the sharing page and then
reviewed their own work; an author opened a draft to every logged-in user.
"""

from plone import api
from sec_sharing_people import authenticator
from sec_sharing_people import create_as
from sec_sharing_people import created_url
from sec_sharing_people import item_at
from sec_sharing_people import JUSTICE
from sec_sharing_people import PASSWORD
from sec_sharing_people import people_site  # noqa: F401 (fixture « site »)
from sec_sharing_people import proposal_data
from sec_sharing_people import session_for
from sec_sharing_people import sharing_as
from sec_sharing_people import TIMEOUT
from sec_sharing_people import transition_as

import pytest
import requests
import transaction


REFUSED = {401, 403}


def _local_roles(url: str) -> dict:
    return dict(item_at(url).get_local_roles())


class TestSelfGrantedReviewer:
    def test_author_cannot_become_coordinator_and_validate(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("À moi")))
        before = _local_roles(url)
        entry = {"id": "alice", "type": "user", "roles": {"Coordinator": True}}
        response = sharing_as("alice", url, [entry])
        assert response.status_code in REFUSED, response.text[:500]
        assert _local_roles(url) == before
        assert transition_as("alice", url, "submit").status_code == 200
        assert transition_as("alice", url, "validate").status_code in {400, *REFUSED}
        assert api.content.get_state(item_at(url)) == "submitted"

    def test_ministry_editor_cannot_become_reviewer_and_publish(self, site):
        library_url = site["library"].absolute_url()
        data = {"@type": "Circular", "title": "Ma circulaire", "ministry": JUSTICE}
        url = created_url(create_as("justine", library_url, data))
        before = _local_roles(url)
        entry = {"id": "justine", "type": "user", "roles": {"MinistryReviewer": True}}
        response = sharing_as("justine", url, [entry])
        assert response.status_code in REFUSED, response.text[:500]
        assert _local_roles(url) == before
        assert transition_as("justine", url, "submit").status_code == 200
        assert transition_as("justine", url, "publish").status_code in {400, *REFUSED}
        assert api.content.get_state(item_at(url)) == "pending"


def _browser(username: str) -> requests.Session:
    browser = requests.Session()
    browser.auth = (username, PASSWORD)
    return browser


def _classic_grant(username: str, url: str, principal: str, role: str, view: str):
    """Tick ``role`` for ``principal`` on the Classic sharing form and save."""
    browser = _browser(username)
    page = browser.get(f"{url}/@@sharing", timeout=TIMEOUT)
    assert page.status_code == 200, page.status_code
    form = {
        "form.submitted:boolean": "True",
        "form.button.Save": "Enregistrer",
        "entries.id:records": principal,
        "entries.type:records": "user",
        f"entries.role_{role}:records": "True",
        "_authenticator": authenticator(page.text),
    }
    return browser.post(f"{url}/@@{view}", data=form, timeout=TIMEOUT)


class TestClassicSharingPage:
    @pytest.fixture
    def draft_url(self, site):
        measure_url = site["measure"].absolute_url()
        return created_url(create_as("alice", measure_url, proposal_data("Classique")))

    def test_author_cannot_open_the_sharing_page(self, draft_url):
        page = _browser("alice").get(
            f"{draft_url}/@@sharing", timeout=TIMEOUT, allow_redirects=False
        )
        assert page.status_code in {*REFUSED, 302}
        if page.status_code == 302:
            assert "require_login" in page.headers["Location"]

    @pytest.mark.parametrize("view", ["sharing", "updateSharingInfo"])
    def test_coordinator_cannot_grant_herself(self, draft_url, view):
        before = _local_roles(draft_url)
        response = _classic_grant("carole", draft_url, "carole", "Editor", view)
        assert response.status_code == 200
        if view == "updateSharingInfo":  # JSON: the form's body and messages
            assert "vos propres rôles" in response.json()["messages"]
        else:
            assert "vos propres rôles" in response.text
        assert _local_roles(draft_url) == before

    def test_coordinator_grants_someone_else(self, draft_url):
        response = _classic_grant("carole", draft_url, "bruno", "Reader", "sharing")
        assert response.status_code == 200
        assert _local_roles(draft_url)["bruno"] == ("Reader",)


class TestDraftOpenedToEveryone:
    def test_author_cannot_give_reader_to_logged_in_users(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("Brouillon")))
        entry = {"id": "AuthenticatedUsers", "type": "group", "roles": {"Reader": True}}
        response = sharing_as("alice", url, [entry])
        assert response.status_code in REFUSED, response.text[:500]
        assert session_for("bruno").get(url, timeout=TIMEOUT).status_code in REFUSED


class TestSharingRequests:
    def test_page_offers_only_the_roles_one_may_grant(self, site):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("Offerts")))
        answer = session_for("carole").get(f"{url}/@sharing", timeout=TIMEOUT)
        offered = {role["id"] for role in answer.json()["available_roles"]}
        assert "Coordinator" in offered
        assert "Reader" in offered
        assert not offered & {"MinistryEditor", "MinistryReviewer"}

    @pytest.mark.parametrize(
        "body",
        [{"entries": "abc"}, {"entries": [{"id": "bruno", "type": "user"}]}],
        ids=["entries-not-a-list", "entry-without-roles"],
    )
    def test_malformed_body_is_a_400(self, site, body):
        measure_url = site["measure"].absolute_url()
        url = created_url(create_as("alice", measure_url, proposal_data("Mal formé")))
        before = _local_roles(url)
        response = session_for("carole").post(
            f"{url}/@sharing", json=body, timeout=TIMEOUT
        )
        assert response.status_code == 400, response.text[:300]
        assert "Corps de la requête invalide" in response.json()["message"]
        assert _local_roles(url) == before

    def test_inheritance_needs_change_local_roles(self, site):
        # A local Editor opens a measure's sharing page (Plone's default) but
        # may not change its local roles: nor may they block inheritance.
        measure = site["measure"]
        api.user.grant_roles(username="bruno", obj=measure, roles=["Editor"])
        transaction.commit()
        url = measure.absolute_url()
        response = session_for("bruno").post(
            f"{url}/@sharing", json={"inherit": False}, timeout=TIMEOUT
        )
        assert response.status_code == 403, response.text[:300]
        assert not getattr(item_at(url), "__ac_local_roles_block__", None)
