"""« Recherche : synonymes »: coordinators edit the list, the search uses it
at once; nobody else may, and a bad line is refused in French."""

from lxml import html as lxml_html
from plone import api
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ensure_groups
from traite_portal.search.settings import SYNONYMS_RECORD
from traite_portal.search.synonyms_table import synonym_lines

import pytest
import requests
import transaction


PERMISSION = "traite_portal: Manage search synonyms"
PASSWORD = "secret-Pass-2026"
TIMEOUT = 60


@pytest.fixture
def portal(functional):
    portal = functional["portal"]
    ensure_groups()
    api.user.create(email="coordo@example.org", username="coordo", password=PASSWORD)
    api.group.add_user(groupname=COORDINATORS, username="coordo")
    api.user.create(email="membre@example.org", username="membre", password=PASSWORD)
    transaction.commit()
    return portal


def form_of(page: str) -> tuple[str, dict]:
    """The control panel form's action and fields as a browser would send."""
    document = lxml_html.fromstring(page)
    (form,) = [f for f in document.forms if "form.widgets.synonyms" in f.fields]
    return form.action, dict(form.form_values())


def save(url: str, auth, lines: list[str]) -> requests.Response:
    session = requests.Session()
    session.auth = auth
    action, fields = form_of(session.get(url, timeout=TIMEOUT).text)
    fields["form.widgets.synonyms"] = "\n".join(lines)
    fields["form.buttons.save"] = "Enregistrer"
    return session.post(action, data=fields, timeout=TIMEOUT)


class TestPermission:
    def test_granted_to_coordinators_and_administrators_only(self, portal):
        granted = {
            role["name"]
            for role in portal.rolesOfPermission(PERMISSION)
            if role["selected"]
        }
        assert granted == {"Manager", "Site Administrator", "Coordinator"}

    def test_configlet_uses_it(self, portal):
        controlpanel = api.portal.get_tool("portal_controlpanel")
        (configlet,) = [a for a in controlpanel.listActions() if a.id == "legal-search"]
        assert configlet.permissions == (PERMISSION,)

    @pytest.mark.parametrize(
        ("auth", "allowed"),
        [(("coordo", PASSWORD), True), (("membre", PASSWORD), False), (None, False)],
    )
    def test_who_opens_it(self, portal, auth, allowed):
        response = requests.get(
            f"{portal.absolute_url()}/@@legal-search-controlpanel",
            auth=auth,
            timeout=TIMEOUT,
            allow_redirects=False,
        )
        if allowed:
            assert response.status_code == 200
            assert "OFPRA" in response.text
        else:
            assert response.status_code in (302, 401, 403)


class TestEditing:
    def test_default_list(self, portal):
        assert api.portal.get_registry_record(SYNONYMS_RECORD) == synonym_lines()

    def test_a_coordinator_adds_a_line_and_the_search_uses_it(self, portal):
        url = f"{portal.absolute_url()}/@@legal-search-controlpanel"
        lines = [*synonym_lines(), "servitude, esclavage moderne"]
        response = save(url, ("coordo", PASSWORD), lines)
        assert response.status_code == 200
        transaction.begin()
        assert api.portal.get_registry_record(SYNONYMS_RECORD)[-1] == lines[-1]
        answer = requests.get(
            f"{portal.absolute_url()}/@legal-search",
            params={"q": "servitude"},
            headers={"Accept": "application/json"},
            timeout=TIMEOUT,
        ).json()
        assert answer["query"]["expansions"] == [
            {"typed": "servitude", "alternatives": ['"esclavage moderne"']}
        ]

    def test_a_bad_line_is_refused(self, portal):
        url = f"{portal.absolute_url()}/@@legal-search-controlpanel"
        response = save(url, ("coordo", PASSWORD), [*synonym_lines(), "esclavage"])
        assert "Ligne illisible" in response.text
        transaction.begin()
        assert api.portal.get_registry_record(SYNONYMS_RECORD) == synonym_lines()
