"""No server-side request forgery: the allowed hosts at registration and at
each attempt, names that resolve to private addresses, redirects, timeouts,
and answers too large to read."""

from webhooks_helpers import configure
from webhooks_helpers import deliveries
from webhooks_helpers import FAST
from webhooks_helpers import register
from webhooks_helpers import settled
from webhooks_helpers import wait_until
from webhooks_receiver import big_body
from webhooks_receiver import hang
from webhooks_receiver import Receiver
from webhooks_receiver import redirect

import pytest
import threading
import transaction


NOT_ALLOWED = "n'est pas dans la liste des hôtes autorisés"
PRIVATE = "désigne une adresse privée, locale ou réservée"


def make_change(portal, item_id: str = "doc") -> None:
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        api.content.create(portal, "Document", id=item_id, title=item_id)
    transaction.commit()


def failed_delivery(webhooks_site, hook) -> object:
    wait_until(lambda: settled(webhooks_site.portal, hook["id"]))
    (delivery,) = deliveries(webhooks_site.portal, hook["id"])
    assert delivery.status == "failed"
    return delivery


class TestRegistration:
    @pytest.mark.parametrize(
        ("allowed", "url", "message"),
        [
            ([], "http://127.0.0.1:{port}/hook", NOT_ALLOWED),
            (["127.0.0.1:{port}"], "http://127.0.0.1:1/hook", NOT_ALLOWED),
            (["127.0.0.1"], "http://127.0.0.1:{port}/hook", NOT_ALLOWED),
            (["example.org"], "http://hooks.example.org/hook", NOT_ALLOWED),
            (["*.example.org"], "http://example.org/hook", NOT_ALLOWED),
            # localhost is allowed by name, its address is not.
            (["localhost:{port}"], "http://localhost:{port}/hook", PRIVATE),
            (["10.0.0.0/8"], "http://10.1.2.3/hook", None),  # a network entry
            (["169.254.169.254"], "http://169.254.169.254/latest", None),
        ],
    )
    def test_allowed_hosts(self, webhooks_site, allowed, url, message):
        port = webhooks_site.receiver.port
        configure([entry.format(port=port) for entry in allowed])
        url = url.format(port=port)
        if message is None:  # allowed: the address is listed itself
            register("carole", webhooks_site.url, url=url)
            return
        answer = register("carole", webhooks_site.url, 400, url=url)
        assert message in answer["error"]["message"]


class TestAtDelivery:
    def test_host_removed_from_the_list(self, webhooks_site, worker):
        receiver = webhooks_site.receiver
        hook = register("carole", webhooks_site.url, url=receiver.url)
        configure(["hooks.example.org"])
        make_change(webhooks_site.portal)
        delivery = failed_delivery(webhooks_site, hook)
        assert NOT_ALLOWED in delivery.error
        assert delivery.attempts == FAST["max_attempts"]
        assert receiver.received == []

    def test_name_resolving_to_loopback(self, webhooks_site, worker):
        """Registered while its address was listed; the address is removed."""
        receiver, port = webhooks_site.receiver, webhooks_site.receiver.port
        configure([f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"])
        url = f"http://localhost:{port}/hook"
        hook = register("carole", webhooks_site.url, url=url)
        configure([f"localhost:{port}"])
        make_change(webhooks_site.portal)
        delivery = failed_delivery(webhooks_site, hook)
        assert PRIVATE in delivery.error
        assert receiver.received == []

    @pytest.mark.parametrize("listed", [True, False], ids=["allowed", "not-allowed"])
    def test_redirect_not_followed(self, webhooks_site, worker, listed):
        """Neither to an allowed host nor to one outside the list."""
        receiver = webhooks_site.receiver
        elsewhere = Receiver().start()
        try:
            allowed = [f"127.0.0.1:{receiver.port}"]
            configure([*allowed, f"127.0.0.1:{elsewhere.port}"] if listed else allowed)
            receiver.answer(*[redirect(elsewhere.url)] * FAST["max_attempts"])
            hook = register("carole", webhooks_site.url, url=receiver.url)
            make_change(webhooks_site.portal)
            delivery = failed_delivery(webhooks_site, hook)
        finally:
            elsewhere.stop()
        assert delivery.http_status == 302
        assert delivery.error.startswith("Redirection non suivie (HTTP 302 vers")
        assert len(receiver.received) == FAST["max_attempts"]
        assert elsewhere.received == []

    def test_timeout(self, webhooks_site, worker):
        receiver = webhooks_site.receiver
        configure([f"127.0.0.1:{receiver.port}"], max_attempts=1, timeout_seconds=0.5)
        release = threading.Event()
        receiver.answer(hang(release))
        hook = register("carole", webhooks_site.url, url=receiver.url)
        make_change(webhooks_site.portal)
        try:
            delivery = failed_delivery(webhooks_site, hook)
        finally:
            release.set()
        assert (
            delivery.error == "Délai dépassé : le destinataire n'a pas répondu à temps."
        )

    def test_large_answer_not_read(self, webhooks_site, worker):
        receiver = webhooks_site.receiver
        size = 200 * 1024 * 1024
        receiver.answer(big_body(size))
        hook = register("carole", webhooks_site.url, url=receiver.url)
        make_change(webhooks_site.portal)
        wait_until(lambda: settled(webhooks_site.portal, hook["id"]))
        (delivery,) = deliveries(webhooks_site.portal, hook["id"])
        assert (delivery.status, delivery.http_status) == ("delivered", 200)
        wait_until(lambda: receiver.bytes_sent, timeout=30)
        assert receiver.bytes_sent < size
