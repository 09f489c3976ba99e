"""Helpers of the webhook tests: settings, accounts, REST calls, waiting."""

from dataclasses import dataclass
from plone import api
from sync_helpers import create_user
from sync_helpers import SyncSite
from sync_http import session_for
from traite_portal.changelog import consumers
from traite_portal.webhooks.settings import PREFIX
from traite_portal.webhooks.store import get_subscription
from webhooks_receiver import Receiver

import time
import transaction


SECRET = "s3cret-de-test-0123456789"
# Fast retries for tests: 0.2 s, 0.4 s… (half of it random), 3 attempts.
FAST = {
    "backoff_seconds": 0.2,
    "backoff_max_seconds": 1.0,
    "max_attempts": 3,
    "timeout_seconds": 2.0,
}


@dataclass
class WebhooksSite:
    """The sync test site, a receiver, and the hosts allowed."""

    site: SyncSite
    receiver: Receiver

    @property
    def portal(self):
        return self.site.portal

    @property
    def url(self) -> str:
        return self.site.url


def configure(allowed_hosts: list[str], **settings) -> None:
    """Set the webhook registry records (allowed hosts and others), committed."""
    api.portal.set_registry_record(f"{PREFIX}.allowed_hosts", allowed_hosts)
    for name, value in settings.items():
        api.portal.set_registry_record(f"{PREFIX}.{name}", value)
    transaction.commit()


def create_client(username: str, groups=()) -> None:
    """A REST client account: the global role WebhookClient, nothing else."""
    with api.env.adopt_roles(["Manager"]):
        create_user(username, groups)
        api.user.grant_roles(username=username, roles=["WebhookClient"])
    transaction.commit()


def register(username: str, site_url: str, expected: int = 201, **fields) -> dict:
    """POST @webhooks as ``username``; the answer's JSON."""
    body = {"secret": SECRET, **fields}
    response = session_for(username).post(
        f"{site_url}/@webhooks", json=body, timeout=60
    )
    assert response.status_code == expected, response.text
    transaction.abort()  # see what the server committed before writing more
    return response.json()


def error_message(response) -> str:
    """The French message of a refusal: the service's own answer
    (``{"error": {...}}``) or the portal's input check (``{"message": ...}``),
    as plone.restapi's services and its error view answer."""
    data = response.json()
    return data.get("message") or data["error"]["message"]


def wait_until(predicate, timeout: float = 30, step: float = 0.1):
    """The first true value of ``predicate()`` (it sees what was committed)."""
    deadline = time.monotonic() + timeout
    while True:
        transaction.abort()
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, "condition never met"
        time.sleep(step)


def deliveries(portal, subscription_id: str) -> list:
    """The subscription's delivery log, oldest first, as committed."""
    transaction.abort()
    subscription = get_subscription(portal, subscription_id)
    return list(subscription.deliveries.values())


def settled(portal, *subscription_ids: str) -> bool:
    """Every change of the log handled by these webhooks (none in flight)."""
    transaction.abort()
    log = consumers.log_of(portal)
    for subscription_id in subscription_ids:
        subscription = get_subscription(portal, subscription_id)
        if subscription.current is not None or subscription.resends:
            return False
        if consumers.consumer_cursor(portal, subscription.consumer) != log.head:
            return False
    return True


def received_items(receiver: Receiver, subscription_id: str) -> list[dict]:
    """Every item delivered to one webhook, in the order received."""
    return [
        item
        for received in receiver.received
        if received.headers["X-Traite-Subscription"] == subscription_id
        for item in received.json["items"]
    ]
