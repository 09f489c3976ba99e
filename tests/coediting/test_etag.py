"""ETag on GET, If-Match on PATCH / DELETE (412), If-None-Match (304)."""

from coediting_http import JSON
from coediting_http import rest_text

import pytest


def etag_of(session, url: str) -> str:
    response = session.get(url, headers=JSON, timeout=60)
    assert response.status_code == 200, response.text[:2000]
    assert response.headers.get("ETag"), response.headers
    return response.headers["ETag"]


def patch(session, url: str, body: dict, if_match: str | None = None):
    headers = dict(JSON)
    if if_match is not None:
        headers["If-Match"] = if_match
    return session.patch(url, json=body, headers=headers, timeout=60)


class TestETag:
    def test_get_has_a_stable_strong_etag(self, alice, proposal_url):
        first = etag_of(alice, proposal_url)
        assert first.startswith('"')
        assert first.endswith('"')
        assert etag_of(alice, proposal_url) == first

    def test_etag_changes_on_save(self, alice, proposal_url):
        before = etag_of(alice, proposal_url)
        response = patch(alice, proposal_url, {"title": "Former les juges"})
        assert response.status_code == 204, response.text
        assert response.headers["ETag"] != before
        assert etag_of(alice, proposal_url) == response.headers["ETag"]

    def test_etag_changes_on_transition(self, alice, proposal_url):
        before = etag_of(alice, proposal_url)
        response = alice.post(
            f"{proposal_url}/@workflow/share", headers=JSON, json={}, timeout=60
        )
        assert response.status_code == 200, response.text
        assert etag_of(alice, proposal_url) != before

    def test_if_none_match_answers_304(self, alice, proposal_url):
        etag = etag_of(alice, proposal_url)
        response = alice.get(
            proposal_url, headers={**JSON, "If-None-Match": etag}, timeout=60
        )
        assert response.status_code == 304
        assert response.content == b""
        stale = alice.get(
            proposal_url, headers={**JSON, "If-None-Match": '"old"'}, timeout=60
        )
        assert stale.status_code == 200

    def test_html_view_has_no_etag_of_ours(self, alice, proposal_url):
        response = alice.get(proposal_url, timeout=60)
        assert response.status_code == 200
        assert "ETag" not in response.headers


class TestIfMatch:
    def test_two_clients_edit_the_same_proposal(self, alice, bob, proposal_url):
        alice_etag = etag_of(alice, proposal_url)
        bob_etag = etag_of(bob, proposal_url)
        assert alice_etag == bob_etag

        first = patch(
            alice,
            proposal_url,
            {"text": "<p>Texte d'Alice.</p>", "changeNote": "Version d'Alice"},
            if_match=alice_etag,
        )
        assert first.status_code == 204, first.text

        second = patch(
            bob, proposal_url, {"text": "<p>Texte de Bob.</p>"}, if_match=bob_etag
        )
        assert second.status_code == 412, second.text
        error = second.json()
        assert error["type"] == "PreconditionFailed"
        assert "a été modifié depuis votre dernière lecture" in error["message"]
        assert second.headers["ETag"] == first.headers["ETag"]
        assert "Texte d'Alice." in rest_text(bob, proposal_url)

        # Bob re-reads the item, then his change goes through.
        retry = patch(
            bob,
            proposal_url,
            {"text": "<p>Texte de Bob.</p>"},
            if_match=etag_of(bob, proposal_url),
        )
        assert retry.status_code == 204, retry.text
        assert "Texte de Bob." in rest_text(alice, proposal_url)

    @pytest.mark.parametrize(
        ("if_match", "status"),
        [
            (None, 204),  # no precondition: today's behaviour
            ("*", 204),
            ("CURRENT", 204),
            ('"stale", CURRENT', 204),  # a list matches if any tag matches
            ('"stale"', 412),
            ("W/CURRENT", 412),  # weak tags never match for If-Match
        ],
    )
    def test_if_match_header_forms(self, alice, proposal_url, if_match, status):
        current = etag_of(alice, proposal_url)
        header = if_match.replace("CURRENT", current) if if_match else None
        response = patch(alice, proposal_url, {"title": "Nouveau"}, if_match=header)
        assert response.status_code == status, response.text
        title = alice.get(proposal_url, headers=JSON, timeout=60).json()["title"]
        assert (title == "Nouveau") is (status == 204)

    def test_delete_with_stale_etag_is_refused(self, admin, alice, proposal_url):
        stale = etag_of(admin, proposal_url)
        assert patch(alice, proposal_url, {"title": "Modifiée"}).status_code == 204
        refused = admin.delete(
            proposal_url, headers={**JSON, "If-Match": stale}, timeout=60
        )
        assert refused.status_code == 412, refused.text
        assert admin.get(proposal_url, headers=JSON, timeout=60).status_code == 200

        fresh = etag_of(admin, proposal_url)
        deleted = admin.delete(
            proposal_url, headers={**JSON, "If-Match": fresh}, timeout=60
        )
        assert deleted.status_code == 204, deleted.text
        assert admin.get(proposal_url, headers=JSON, timeout=60).status_code == 404
