"""The association workspace, the review queue and the members form, over HTTP."""

from conftest import create_proposal
from conftest import GROUP_A
from conftest import PASSWORD
from plone import api
from traite_portal.associations.workspace import SECTION_LIMIT

import pytest
import re
import requests
import transaction


DENIED = {401, 403}


def page(url: str, username: str) -> requests.Response:
    return requests.get(url, auth=(username, PASSWORD), timeout=30)


def is_denied(url: str, username: str) -> bool:
    """Refused: an error status, or Plone's redirection to the login form."""
    response = requests.get(
        url, auth=(username, PASSWORD), timeout=30, allow_redirects=False
    )
    if response.status_code == 302:
        return "require_login" in response.headers["Location"]
    return response.status_code in DENIED


def section(html: str, section_id: str) -> str:
    """The HTML of one ``<section id=...>`` of a page."""
    match = re.search(rf'<section[^>]*id="{section_id}".*?</section>', html, re.S)
    assert match, f"no section {section_id}"
    return match.group(0)


def linked_ids(html: str) -> set[str]:
    return set(re.findall(r'href="[^"]*/plan/ch/m/([a-z0-9-]+)"', html))


class TestWorkspace:
    @pytest.mark.parametrize(
        ("username", "section_id", "expected"),
        [
            ("alice", "workspace-drafts", {"a-draft"}),
            ("bruno", "workspace-drafts", {"b-draft"}),
            ("alice", "workspace-shared", {"a-shared"}),
            ("bruno", "workspace-shared", {"a-shared"}),
            ("alice", "workspace-submitted", {"a-submitted"}),
            ("bruno", "workspace-submitted", {"b-submitted"}),
            ("alice", "workspace-validated", {"a-validated"}),
            ("bruno", "workspace-validated", set()),
        ],
    )
    def test_sections(self, http_site, username, section_id, expected):
        response = page(
            f"{http_site.portal.absolute_url()}/@@espace-association", username
        )
        assert response.status_code == 200, response.text[:500]
        assert linked_ids(section(response.text, section_id)) == expected

    def test_rows_show_measure_and_state(self, http_site):
        html = page(
            f"{http_site.portal.absolute_url()}/@@espace-association", "alice"
        ).text
        drafts = section(html, "workspace-drafts")
        assert "Brouillons de mon association" in drafts
        (row,) = re.findall(r"<tbody>.*?</tbody>", drafts, re.S)
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        assert len(cells) == 5
        assert re.search(r'href="[^"]*/plan/ch/m">Mesure</a>', cells[1])
        assert "Collectif" in cells[2]
        assert re.search(r"\d{4}", cells[3])
        assert cells[4].strip() == "Brouillon"

    def test_member_of_no_association(self, http_site):
        url = f"{http_site.portal.absolute_url()}/@@espace-association"
        assert is_denied(url, "nina")

    def test_coordinator_without_association_is_told(self, http_site):
        html = page(
            f"{http_site.portal.absolute_url()}/@@espace-association", "carole"
        ).text
        assert "aucune association" in html
        assert "@@file-de-relecture" in html

    def test_personal_tools_link(self, http_site):
        html = page(http_site.portal.absolute_url(), "alice").text
        assert "Mon espace association" in html
        assert "File de relecture" not in html


class TestReviewQueue:
    def test_coordinator_sees_submitted_oldest_first(self, http_site):
        response = page(
            f"{http_site.portal.absolute_url()}/@@file-de-relecture", "carole"
        )
        assert response.status_code == 200, response.text[:500]
        rows = re.findall(r'<tr class="review-queue-row".*?</tr>', response.text, re.S)
        ids = [re.search(r"/plan/ch/m/([a-z0-9-]+)", row).group(1) for row in rows]
        assert ids == ["a-submitted", "b-submitted"]
        assert "Collectif" in rows[0]
        assert "Bêta" in rows[1]
        assert "workflow_action=validate" in rows[0]
        assert 'value="return_to_draft"' in rows[0]

    @pytest.mark.parametrize("username", ["alice", "nina"])
    def test_members_are_refused(self, http_site, username):
        url = f"{http_site.portal.absolute_url()}/@@file-de-relecture"
        assert is_denied(url, username)

    def test_validate_link_validates(self, http_site):
        html = page(
            f"{http_site.portal.absolute_url()}/@@file-de-relecture", "carole"
        ).text
        link = re.search(r'href="([^"]*a-submitted/content_status_modify[^"]*)"', html)
        url = link.group(1).replace("&amp;", "&")
        assert page(url, "carole").status_code == 200
        transaction.begin()
        assert api.content.get_state(http_site.proposals["a-submitted"]) == "validated"


def members_url(site) -> str:
    return f"{site.portal.absolute_url()}/@@association-members"


def post_members(site, username: str, **form) -> requests.Response:
    session = requests.Session()
    session.auth = (username, PASSWORD)
    html = session.get(members_url(site), timeout=30).text
    token = re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)
    return session.post(
        members_url(site), data={**form, "_authenticator": token}, timeout=30
    )


class TestMembersForm:
    def test_coordinator_adds_then_removes_a_member(self, http_site):
        response = post_members(
            http_site, "carole", action="add", group_id=GROUP_A, user="nina"
        )
        assert response.status_code == 200
        assert "nina a été ajouté(e)" in response.text
        draft_url = http_site.proposals["a-draft"].absolute_url()
        assert page(draft_url, "nina").status_code == 200
        transaction.begin()
        assert "nina" in [u.getId() for u in api.user.get_users(groupname=GROUP_A)]

        response = post_members(
            http_site, "carole", action="remove", group_id=GROUP_A, user="nina"
        )
        assert "nina a été retiré(e)" in response.text
        transaction.begin()
        assert "nina" not in [u.getId() for u in api.user.get_users(groupname=GROUP_A)]

    @pytest.mark.parametrize(
        ("group_id", "user", "message"),
        [
            ("coordinators", "nina", "n'est pas celui d'une association"),
            ("Administrators", "nina", "n'est pas celui d'une association"),
            (GROUP_A, "personne", "Utilisateur inconnu"),
        ],
    )
    def test_refusals(self, http_site, group_id, user, message):
        response = post_members(
            http_site, "carole", action="add", group_id=group_id, user=user
        )
        assert message in response.text
        transaction.begin()
        assert "nina" not in [
            u.getId() for u in api.user.get_users(groupname="coordinators")
        ]

    @pytest.mark.parametrize("username", ["alice", "nina"])
    def test_members_cannot_manage(self, http_site, username):
        assert is_denied(members_url(http_site), username)

    def test_post_without_token_is_refused(self, http_site):
        response = requests.post(
            members_url(http_site),
            auth=("carole", PASSWORD),
            data={"action": "add", "group_id": GROUP_A, "user": "nina"},
            timeout=30,
        )
        assert response.status_code == 403
        transaction.begin()
        assert "nina" not in [u.getId() for u in api.user.get_users(groupname=GROUP_A)]


class TestWorkspaceLimit:
    def test_long_section_links_to_the_full_list(self, http_site):
        measure = http_site.portal.unrestrictedTraverse("plan/ch/m")
        token = http_site.portal.unrestrictedTraverse("plan/ch/m/a-validated")
        tokens = list(token.associations)
        for number in range(SECTION_LIMIT + 4):
            create_proposal(measure, f"a-validee-{number}", tokens, "validated")
        transaction.commit()
        portal_url = http_site.portal.absolute_url()
        html = page(f"{portal_url}/@@espace-association", "alice").text
        validated = section(html, "workspace-validated")
        assert len(linked_ids(validated)) == SECTION_LIMIT
        (more,) = re.findall(r'href="([^"]*@@search[^"]*)"', validated)
        total = SECTION_LIMIT + 5  # with the layer's own validated proposal
        assert f"Voir les {total}" in " ".join(validated.split())
        listing = page(more.replace("&amp;", "&"), "alice").text
        # Plone's search page counts every match and shows them 10 a page.
        (count,) = re.findall(
            r'id="search-results-number"[^>]*>\s*(\d+)\s*<', listing, re.S
        )
        assert int(count) == total
        assert re.search(r"/plan/ch/m/a-validee-\d+", listing)
