"""The persistent webhooks of a site: subscriptions and their delivery logs.

Each subscription is a named consumer of the change log (``webhook-<id>``):
its cursor is where deliveries stand. The delivery in flight (``current``)
covers the log entries after that cursor up to ``until``; the cursor moves
past them only once the delivery succeeded or was given up, in the same
transaction. Deliveries are their own persistent records, so the worker
updating one never conflicts with an owner editing the subscription.
"""

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from traite_portal import _
from traite_portal.changelog import consumers
from traite_portal.changelog.visibility import Scope
from zope.annotation.interfaces import IAnnotations

import secrets
import time
import uuid


ANNOTATION_KEY = "traite_portal.webhooks"
# Deliveries kept in a subscription's log (older ones are forgotten).
KEEP_DELIVERIES = 200

PENDING = "pending"
RETRYING = "retrying"
DELIVERED = "delivered"
FAILED = "failed"
STATUS_TITLES = {
    PENDING: _("webhook_status_pending", default="en attente"),
    RETRYING: _("webhook_status_retrying", default="nouvel essai prévu"),
    DELIVERED: _("webhook_status_delivered", default="réussi"),
    FAILED: _("webhook_status_failed", default="en échec"),
}


class Delivery(Persistent):
    """One POST of the changes after ``since`` up to ``until``, and its attempts."""

    def __init__(self, number: int, since: int, until: int, now: float) -> None:
        self.id = uuid.uuid4().hex  # X-Traite-Delivery: the receivers' dedupe key
        self.number = number
        self.since, self.until = since, until
        self.created = now
        self.status = PENDING
        self.attempts = 0
        self.next_try: float | None = now
        self.last_attempt: float | None = None
        self.http_status: int | None = None
        self.error: str | None = None
        # What the last attempt carried: ((kind, path, uid), …), and how many.
        self.changes: tuple = ()
        self.changes_total = 0
        self.resends = 0  # times a person asked to send it again

    @property
    def open(self) -> bool:
        return self.status in (PENDING, RETRYING)


class Subscription(Persistent):
    """A URL, its secret, a filter, an owner, and the deliveries made."""

    def __init__(self, owner: str, site_url: str, now: float) -> None:
        self.id = secrets.token_hex(6)
        self.owner = owner
        self.site_url = site_url  # the payload's URLs: the site as its owner sees it
        self.title = ""
        self.url = ""
        self.secret = ""  # write-only: never serialized
        self.portal_types: tuple[str, ...] = ()  # empty: every type
        self.folder: str | None = None  # site-relative path; None: the whole site
        self.kinds: tuple[str, ...] = ()  # feed kinds; empty: every kind
        self.active = True
        self.created = self.modified = now
        self.serial = 0  # bumped by every change: the ETag
        self.deliveries = IOBTree()  # number -> Delivery, the delivery log
        self.next_number = 1
        self.current: int | None = None  # the delivery in flight at the cursor
        self.resends: tuple[int, ...] = ()  # deliveries queued by « renvoyer »
        self.problem: str | None = None  # why nothing can be delivered, in French

    @property
    def consumer(self) -> str:
        return f"webhook-{self.id}"

    def scope(self) -> Scope:
        types = frozenset(self.portal_types) if self.portal_types else None
        return Scope(self.folder, types)

    def wants(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def delivery(self, number: int | None) -> Delivery | None:
        return None if number is None else self.deliveries.get(number)

    def find_delivery(self, delivery_id: str) -> Delivery | None:
        return next((d for d in self.deliveries.values() if d.id == delivery_id), None)

    def add_delivery(self, since: int, until: int, now: float) -> Delivery:
        """A new delivery in the log; the oldest closed ones beyond the limit go."""
        delivery = Delivery(self.next_number, since, until, now)
        self.deliveries[delivery.number] = delivery
        self.next_number += 1
        keep = {self.current, *self.resends, delivery.number}
        for number in list(self.deliveries.keys()):
            if len(self.deliveries) <= KEEP_DELIVERIES:
                break
            if number not in keep:
                del self.deliveries[number]
        return delivery

    def touch(self) -> None:
        self.modified = time.time()
        self.serial += 1


class WebhookStore(Persistent):
    """A site's subscriptions, by id."""

    def __init__(self) -> None:
        self.subscriptions = OOBTree()


def get_store(portal, create: bool = False) -> WebhookStore | None:
    """The site's store (created when ``create``), or None."""
    annotations = IAnnotations(portal)
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = WebhookStore()
    return store


def all_subscriptions(portal) -> list[Subscription]:
    store = get_store(portal)
    return list(store.subscriptions.values()) if store is not None else []


def get_subscription(portal, subscription_id: str) -> Subscription | None:
    store = get_store(portal)
    if store is None or not isinstance(subscription_id, str):
        return None
    return store.subscriptions.get(subscription_id)


def add_subscription(portal, owner: str, site_url: str, values: dict) -> Subscription:
    """A new subscription; its consumer starts at the head of the log."""
    subscription = Subscription(owner, site_url, time.time())
    for name, value in values.items():
        setattr(subscription, name, value)
    get_store(portal, create=True).subscriptions[subscription.id] = subscription
    consumers.register_consumer(portal, subscription.consumer)
    return subscription


def update_subscription(subscription: Subscription, values: dict) -> None:
    """Change some of its fields; later deliveries and retries use them."""
    for name, value in values.items():
        setattr(subscription, name, value)
    subscription.problem = None
    subscription.touch()


def delete_subscription(portal, subscription: Subscription) -> None:
    """Forget it and its consumer: the log no longer waits for it."""
    del get_store(portal).subscriptions[subscription.id]
    try:
        consumers.unregister_consumer(portal, subscription.consumer)
    except consumers.UnknownConsumer:
        pass
