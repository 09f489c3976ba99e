"""Retries with backoff, giving up (« en échec ») and « renvoyer », over a
real receiver that answers 500 before it answers 200."""

from plone import api
from sync_http import session_for
from webhooks_helpers import deliveries
from webhooks_helpers import FAST
from webhooks_helpers import register
from webhooks_helpers import settled
from webhooks_helpers import wait_until
from webhooks_receiver import status

import transaction


def create_document(portal, item_id: str) -> None:
    with api.env.adopt_roles(["Manager"]):
        api.content.create(portal, "Document", id=item_id, title=item_id)
    transaction.commit()


class TestBackoff:
    def test_500_then_200(self, webhooks_site, worker):
        receiver = webhooks_site.receiver
        receiver.answer(status(500), status(500))
        hook = register("carole", webhooks_site.url, url=receiver.url)
        create_document(webhooks_site.portal, "doc")
        first, second, third = receiver.wait_for(3)
        assert first.delivery == second.delivery == third.delivery
        assert first.json["items"] == third.json["items"]
        # Backoff: 0.2 s then 0.4 s, at least their non-random half.
        assert second.at - first.at >= FAST["backoff_seconds"] / 2
        assert third.at - second.at >= FAST["backoff_seconds"]
        wait_until(lambda: settled(webhooks_site.portal, hook["id"]))
        (delivery,) = deliveries(webhooks_site.portal, hook["id"])
        assert (delivery.status, delivery.attempts) == ("delivered", 3)
        assert (delivery.http_status, delivery.error) == (200, None)
        log = session_for("carole").get(f"{hook['@id']}/deliveries").json()
        (entry,) = log["items"]
        assert entry["status"] == "delivered"
        assert entry["status_title"] == "réussi"
        assert entry["attempts"] == 3
        assert entry["changes"][0]["path"] == "/doc"


class TestGiveUpAndResend:
    def test_failed_then_next_then_resent(self, webhooks_site, worker):
        receiver = webhooks_site.receiver
        attempts = FAST["max_attempts"]
        receiver.answer(*[status(500)] * attempts)
        hook = register("carole", webhooks_site.url, url=receiver.url)
        create_document(webhooks_site.portal, "un")
        failed = receiver.wait_for(attempts)
        wait_until(lambda: settled(webhooks_site.portal, hook["id"]))
        (delivery,) = deliveries(webhooks_site.portal, hook["id"])
        assert (delivery.status, delivery.attempts) == ("failed", attempts)
        assert delivery.next_try is None
        assert delivery.error == "Le destinataire a répondu HTTP 500."
        # Given up: the cursor moved on, the next change is delivered.
        create_document(webhooks_site.portal, "deux")
        received = receiver.wait_for(attempts + 1)
        assert received[-1].json["items"][0]["path"] == "/deux"
        assert received[-1].delivery != failed[0].delivery
        # « Renvoyer »: the same delivery, same id, same changes.
        session = session_for("carole")
        url = f"{hook['@id']}/deliveries/{failed[0].delivery}/resend"
        answer = session.post(url, timeout=60)
        assert answer.status_code == 202, answer.text
        assert answer.json()["status"] == "pending"
        resent = receiver.wait_for(attempts + 2)[-1]
        assert resent.delivery == failed[0].delivery
        assert resent.json["items"] == failed[0].json["items"]
        wait_until(lambda: settled(webhooks_site.portal, hook["id"]))
        first, second = deliveries(webhooks_site.portal, hook["id"])
        assert (first.status, first.attempts, first.resends) == ("delivered", 1, 1)
        assert second.status == "delivered"

    def test_resend_refused(self, webhooks_site):
        session = session_for("carole")
        hook = register("carole", webhooks_site.url, url=webhooks_site.receiver.url)
        answer = session.post(f"{hook['@id']}/deliveries/inconnu/resend", timeout=60)
        assert answer.status_code == 400
        assert answer.json()["error"]["message"] == "Envoi inconnu : « inconnu »."
