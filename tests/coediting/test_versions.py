"""Versions of a proposal: one per save, @history, @history-diff, HTML diff."""

from coediting_http import JSON
from coediting_http import PASSWORD
from coediting_http import session_for
from plone import api

import pytest
import transaction


EDITS = (
    ("alice", {"text": "<p>Former les magistrats et les avocats à la traite.</p>"}),
    ("bob", {"title": "Former les juges", "kind": "amendment"}),
)


@pytest.fixture
def edited_url(proposal_url, alice, bob) -> str:
    """The proposal after two REST saves, one per co-editor, with change notes."""
    sessions = {"alice": alice, "bob": bob}
    for number, (username, body) in enumerate(EDITS, start=1):
        response = sessions[username].patch(
            proposal_url,
            json={**body, "changeNote": f"Modification {number}"},
            headers=JSON,
            timeout=60,
        )
        assert response.status_code == 204, response.text
    return proposal_url


def versions(session, url: str) -> list[dict]:
    response = session.get(f"{url}/@history", headers=JSON, timeout=60)
    assert response.status_code == 200, response.text[:2000]
    return [item for item in response.json() if item["type"] == "versioning"]


class TestVersionsPerSave:
    def test_every_save_is_a_version(self, edited_url, alice):
        history = versions(alice, edited_url)
        assert sorted(item["version"] for item in history) == [0, 1, 2]
        by_number = {item["version"]: item for item in history}
        assert by_number[1]["comments"] == "Modification 1"
        assert by_number[1]["actor"]["id"] == "alice"
        assert by_number[2]["comments"] == "Modification 2"
        assert by_number[2]["actor"]["id"] == "bob"

    def test_a_version_can_be_read(self, edited_url, alice):
        response = alice.get(f"{edited_url}/@history/0", headers=JSON, timeout=60)
        assert response.status_code == 200, response.text[:2000]
        data = response.json()
        assert data["title"] == "Former les magistrats"
        assert "Former les magistrats à la traite." in data["text"]["data"]

    def test_save_without_change_note_is_a_version_too(self, proposal_url, alice):
        response = alice.patch(
            proposal_url, json={"title": "Sans note"}, headers=JSON, timeout=60
        )
        assert response.status_code == 204
        assert len(versions(alice, proposal_url)) == 2


class TestVersionsOfCoEditors:
    @pytest.mark.parametrize("role", ["AssociationMember", "Coordinator"])
    def test_global_role_saves_a_version(self, proposal, admin, role):
        """Co-editors by a global role may store the version their save makes."""
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="carol@example.org",
                username="carol",
                password=PASSWORD,
            )
            api.user.grant_roles(username="carol", roles=[role])
            api.content.transition(obj=proposal, transition="share")
        transaction.commit()
        url = proposal.absolute_url()
        response = session_for("carol").patch(
            url, json={"title": "Partagée"}, headers=JSON, timeout=60
        )
        assert response.status_code == 204, response.text
        history = versions(admin, url)
        assert {item["actor"]["id"] for item in history} >= {"carol"}


class TestHistoryDiff:
    def diff(self, session, url: str, **params):
        return session.get(
            f"{url}/@history-diff", params=params, headers=JSON, timeout=60
        )

    def test_changes_between_first_and_last_version(self, edited_url, alice):
        response = self.diff(alice, edited_url, **{"from": "0", "to": "2"})
        assert response.status_code == 200, response.text[:2000]
        data = response.json()
        assert data["from"]["version"] == 0
        assert data["to"] == {
            "version": 2,
            "author": "bob",
            "time": data["to"]["time"],
            "comment": "Modification 2",
        }
        changes = {change["field"]: change for change in data["changes"]}
        assert set(changes) == {"title", "text", "kind"}
        text = changes["text"]
        assert text["title"] == "Texte de la proposition"
        assert text["old"] == "Former les magistrats à la traite."
        assert text["new"] == "Former les magistrats et les avocats à la traite."
        assert "<ins>et les avocats </ins>" in text["diff"]
        assert changes["title"]["title"] == "Titre"
        assert "<del>magistrats</del><ins>juges</ins>" in changes["title"]["diff"]

    def test_one_save_changes_one_field(self, edited_url, alice):
        data = self.diff(alice, edited_url, **{"from": "0", "to": "1"}).json()
        assert [change["field"] for change in data["changes"]] == ["text"]

    def test_compare_with_the_current_item(self, edited_url, alice):
        data = self.diff(alice, edited_url, **{"from": "2", "to": "current"}).json()
        assert data["changes"] == []
        assert data["to"] == {"version": "current"}

    @pytest.mark.parametrize(
        ("params", "words"),
        [
            ({"to": "1"}, ["« from »", "obligatoire"]),
            ({"from": "0"}, ["« to »", "obligatoire"]),
            ({"from": "0", "to": "99"}, ["« 99 »", "n'existe pas"]),
            ({"from": "abc", "to": "1"}, ["« abc »", "n'existe pas"]),
            ({"from": "-1", "to": "1"}, ["« -1 »", "n'existe pas"]),
        ],
    )
    def test_bad_versions_answer_400(self, edited_url, alice, params, words):
        response = self.diff(alice, edited_url, **params)
        assert response.status_code == 400, response.text[:2000]
        error = response.json()["error"]
        assert error["type"] == "BadRequest"
        for word in words:
            assert word in error["message"]

    def test_anonymous_is_refused(self, edited_url):
        import requests

        response = requests.get(
            f"{edited_url}/@history-diff",
            params={"from": "0", "to": "1"},
            headers=JSON,
            timeout=60,
        )
        assert response.status_code == 401


class TestHtmlDiff:
    def test_history_page_compares_two_versions(self, edited_url, alice):
        response = alice.get(
            f"{edited_url}/@@history", params={"one": "2", "two": "0"}, timeout=60
        )
        assert response.status_code == 200, response.text[:2000]
        html = response.text
        # CMFDiffTool's compound diff of our Dexterity fields, in French.
        assert "<legend>Titre</legend>" in html
        assert "<legend>Texte de la proposition</legend>" in html
        assert '<span class="insert">et les avocats </span>' in html
        assert "<del>Former les magistrats</del>" in html
        assert "<ins>Former les juges</ins>" in html

    def test_history_listing_page(self, edited_url, alice):
        response = alice.get(f"{edited_url}/@@historyview", timeout=60)
        assert response.status_code == 200, response.text[:2000]
        assert "Modification 2" in response.text

    def test_a_version_can_be_viewed(self, edited_url, alice):
        response = alice.get(
            f"{edited_url}/versions_history_form",
            params={"version_id": "1"},
            timeout=60,
        )
        assert response.status_code == 200, response.text[:2000]
        preview = response.text.split('id="version_preview"', 1)[1]
        assert "Prévisualisation de la version 1" in preview
        # Version 1 still has the old title (bob changed it in version 2).
        assert '<h1 class="documentFirstHeading">Former les magistrats</h1>' in preview
        assert "<p>Former les magistrats et les avocats à la traite.</p>" in preview
