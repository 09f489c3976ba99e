"""Locking: the edit form locks a proposal for the others, in the UI and REST."""

from coediting_http import edit_form_data
from coediting_http import JSON
from coediting_http import rest_text

import pytest


TITLE = "form.widgets.IDublinCore.title"
TEXT = "form.widgets.text"
CHANGE_NOTE = "form.widgets.IVersionable.changeNote"


def lock_of(session, url: str) -> dict:
    response = session.get(url, headers=JSON, timeout=60)
    assert response.status_code == 200, response.text[:2000]
    return response.json()["lock"]


@pytest.fixture
def alice_editing(alice, proposal_url) -> str:
    """Alice has opened the edit form (and not saved yet): her form's HTML."""
    response = alice.get(f"{proposal_url}/@@edit", timeout=60)
    assert response.status_code == 200, response.text[:2000]
    assert f'name="{TITLE}"' in response.text
    return response.text


class TestLockingInTheUI:
    def test_opening_the_edit_form_locks_the_proposal(
        self, alice_editing, alice, proposal_url
    ):
        lock = lock_of(alice, proposal_url)
        assert lock["locked"] is True
        assert lock["creator"] == "alice"

    def test_another_user_sees_the_lock_and_cannot_edit(
        self, alice_editing, bob, proposal_url
    ):
        response = bob.get(f"{proposal_url}/@@edit", timeout=60)
        # plone.app.lockingbehavior sends bob back to the view, which says why.
        assert response.status_code == 200
        assert response.url.rstrip("/").endswith(("/p", "/p/@@view"))
        assert f'name="{TITLE}"' not in response.text
        assert "Verrouillé" in response.text
        assert "Cet élément a été verrouillé par" in response.text
        assert "Alice" in response.text

    def test_another_user_cannot_save(self, alice_editing, alice, bob, proposal_url):
        # Bob replays a complete form (his own CSRF token) while alice edits.
        data = edit_form_data(alice_editing, **{TEXT: "<p>Texte de Bob.</p>"})
        page = bob.get(proposal_url, timeout=60).text
        data["_authenticator"] = page.split('data-token="', 1)[1].split('"', 1)[0]
        response = bob.post(f"{proposal_url}/@@edit", data=data, timeout=60)
        assert response.status_code == 200
        assert "Vos modifications n'ont pas été enregistrées" in response.text
        assert "Cet élément a été verrouillé par" in response.text
        assert "Texte de Bob." not in rest_text(alice, proposal_url)
        assert "Former les magistrats à la traite." in rest_text(alice, proposal_url)

    def test_saving_unlocks_and_makes_a_version(
        self, alice_editing, alice, proposal_url
    ):
        data = edit_form_data(
            alice_editing,
            **{
                TEXT: "<p>Former les magistrats et les greffiers.</p>",
                CHANGE_NOTE: "Ajout des greffiers",
            },
        )
        response = alice.post(f"{proposal_url}/@@edit", data=data, timeout=60)
        assert response.status_code == 200, response.text[:2000]
        assert "greffiers" in rest_text(alice, proposal_url)
        assert lock_of(alice, proposal_url)["locked"] is False
        history = alice.get(f"{proposal_url}/@history", headers=JSON, timeout=60)
        notes = [item["comments"] for item in history.json()]
        assert "Ajout des greffiers" in notes


class TestLockingOverRest:
    def test_patch_on_an_item_locked_in_the_ui_is_refused(
        self, alice_editing, alice, bob, proposal_url
    ):
        response = bob.patch(
            proposal_url, json={"title": "Bob"}, headers=JSON, timeout=60
        )
        assert response.status_code == 403, response.text
        assert response.json()["error"]["message"] == "Resource is locked."
        assert alice.get(proposal_url, headers=JSON, timeout=60).json()["title"] == (
            "Former les magistrats"
        )

    def test_lock_endpoint(self, alice, bob, proposal_url):
        locked = alice.post(f"{proposal_url}/@lock", headers=JSON, timeout=60)
        assert locked.status_code == 200, locked.text
        token = locked.json()["token"]
        assert locked.json()["creator"] == "alice"

        refused = bob.patch(
            proposal_url, json={"title": "Bob"}, headers=JSON, timeout=60
        )
        assert refused.status_code == 403

        # The lock holder writes with her lock token, then unlocks.
        saved = alice.patch(
            proposal_url,
            json={"title": "Alice"},
            headers={**JSON, "Lock-Token": token},
            timeout=60,
        )
        assert saved.status_code == 204, saved.text
        unlocked = alice.delete(
            f"{proposal_url}/@lock",
            headers={**JSON, "Lock-Token": token},
            timeout=60,
        )
        assert unlocked.status_code == 200, unlocked.text
        assert unlocked.json()["locked"] is False

        accepted = bob.patch(
            proposal_url, json={"title": "Bob"}, headers=JSON, timeout=60
        )
        assert accepted.status_code == 204, accepted.text
