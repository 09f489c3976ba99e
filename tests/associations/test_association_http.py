"""Over real HTTP: an association reads and edits its drafts, no other one does."""

from conftest import PASSWORD
from conftest import TOKEN_A
from conftest import TOKEN_B
from plone import api

import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
DENIED = {401, 403}


def get(url: str, username: str, **kwargs) -> requests.Response:
    return requests.get(
        url, auth=(username, PASSWORD), timeout=30, allow_redirects=False, **kwargs
    )


def patch(url: str, username: str, data: dict) -> requests.Response:
    return requests.patch(
        url, auth=(username, PASSWORD), headers=JSON, json=data, timeout=30
    )


def search_ids(portal_url: str, username: str) -> set[str]:
    response = get(
        f"{portal_url}/@search",
        username,
        headers=JSON,
        params={"portal_type": "Proposal", "b_size": 100},
    )
    assert response.status_code == 200, response.text[:500]
    return {item["@id"].rsplit("/", 1)[1] for item in response.json()["items"]}


class TestDraftsOfAnotherAssociation:
    @pytest.mark.parametrize(
        ("username", "item_id", "allowed"),
        [
            ("alice", "a-draft", True),
            ("bruno", "a-draft", False),
            ("bruno", "b-draft", True),
            ("alice", "b-draft", False),
            ("nina", "a-draft", False),
            ("carole", "a-draft", True),
        ],
    )
    def test_page_and_rest_get(self, http_site, username, item_id, allowed):
        url = http_site.proposals[item_id].absolute_url()
        page = get(url, username)
        rest = get(url, username, headers=JSON)
        if allowed:
            assert page.status_code == 200, page.text[:500]
            assert rest.status_code == 200, rest.text[:500]
            assert rest.json()["review_state"] == "draft"
        else:
            assert page.status_code in DENIED | {302}, page.status_code
            if page.status_code == 302:
                assert "require_login" in page.headers["Location"]
            assert rest.status_code in DENIED, rest.text[:500]

    def test_member_edits_own_draft_only(self, http_site):
        url = http_site.proposals["a-draft"].absolute_url()
        assert patch(url, "alice", {"title": "Revue par A"}).status_code == 204
        assert patch(url, "bruno", {"title": "Pris par B"}).status_code in DENIED
        transaction.begin()
        assert http_site.proposals["a-draft"].Title() == "Revue par A"

    @pytest.mark.parametrize(
        ("username", "seen", "unseen"),
        [
            ("alice", {"a-draft", "a-shared"}, {"b-draft"}),
            ("bruno", {"b-draft", "a-shared"}, {"a-draft"}),
            ("nina", {"a-validated"}, {"a-draft", "b-draft", "a-shared"}),
        ],
    )
    def test_rest_search(self, http_site, username, seen, unseen):
        found = search_ids(http_site.portal.absolute_url(), username)
        assert seen <= found
        assert not unseen & found


class TestSharedProposals:
    @pytest.mark.parametrize("username", ["alice", "bruno"])
    def test_both_associations_read_and_edit(self, http_site, username):
        url = http_site.proposals["a-shared"].absolute_url()
        assert get(url, username).status_code == 200
        response = patch(url, username, {"title": f"Co-rédigée par {username}"})
        assert response.status_code == 204, response.text[:500]


class TestAddingOverRest:
    def test_member_adds_proposal_with_default_authors(self, http_site):
        response = requests.post(
            http_site.measure.absolute_url(),
            auth=("bruno", PASSWORD),
            headers=JSON,
            json={
                "@type": "Proposal",
                "title": "Proposition de B",
                "text": {"data": "<p>Texte</p>", "content-type": "text/html"},
            },
            timeout=30,
        )
        assert response.status_code == 201, response.text[:1000]
        assert [a["token"] for a in response.json()["associations"]] == [TOKEN_B]
        proposal_id = response.json()["id"]
        assert get(f"{response.json()['@id']}", "alice").status_code != 200
        transaction.begin()
        with api.env.adopt_user(username="bruno"):
            found = api.content.find(proposal_associations=TOKEN_B, id=proposal_id)
        assert len(found) == 1
        assert TOKEN_A not in found[0].proposal_associations

    @pytest.mark.parametrize(
        ("container", "portal_type"),
        [("chapter", "Measure"), ("library", "Circular")],
    )
    @pytest.mark.parametrize("username", ["alice", "carole"])
    def test_member_cannot_add_other_types(
        self, http_site, container, portal_type, username
    ):
        with api.env.adopt_roles(["Manager"]):
            library = api.content.create(
                http_site.portal, "TextLibrary", id="library", title="Textes"
            )
        transaction.commit()
        target = library if container == "library" else http_site.measure.aq_parent
        response = requests.post(
            target.absolute_url(),
            auth=(username, PASSWORD),
            headers=JSON,
            json={"@type": portal_type, "title": "Interdit", "number": 99},
            timeout=30,
        )
        assert response.status_code in DENIED, response.text[:500]
