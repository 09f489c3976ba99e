"""Subscriptions and deliveries as JSON (``@webhooks``), never with the secret."""

from traite_portal.changelog.cursors import encode_cursor
from traite_portal.changelog.storage import ChangeLog
from traite_portal.services.changes.serialize import iso
from traite_portal.webhooks.store import Delivery
from traite_portal.webhooks.store import STATUS_TITLES
from traite_portal.webhooks.store import Subscription
from zope.i18n import translate


def subscription_json(subscription: Subscription, url: str, log: ChangeLog, request):
    """A subscription; ``url`` is its ``@id``. ``secret_set`` says a secret exists."""
    current = subscription.delivery(subscription.current)
    return {
        "@id": url,
        "id": subscription.id,
        "title": subscription.title,
        "url": subscription.url,
        "secret_set": bool(subscription.secret),
        "owner": subscription.owner,
        "portal_types": list(subscription.portal_types),
        "folder": subscription.folder,
        "kinds": list(subscription.kinds),
        "active": subscription.active,
        "problem": subscription.problem,
        "created": iso(subscription.created),
        "modified": iso(subscription.modified),
        "current": delivery_json(current, log, request) if current else None,
        "deliveries": {"@id": f"{url}/deliveries"},
    }


def delivery_json(delivery: Delivery, log: ChangeLog, request) -> dict:
    """One entry of the delivery log."""
    return {
        "id": delivery.id,
        "number": delivery.number,
        "created": iso(delivery.created),
        "status": delivery.status,
        "status_title": translate(STATUS_TITLES[delivery.status], context=request),
        "attempts": delivery.attempts,
        "last_attempt": iso(delivery.last_attempt),
        "next_try": iso(delivery.next_try),
        "http_status": delivery.http_status,
        "error": delivery.error,
        "resends": delivery.resends,
        "since": encode_cursor(log, delivery.since),
        "cursor": encode_cursor(log, delivery.until),
        "changes": [
            {"kind": kind, "path": path, "UID": uid}
            for kind, path, uid in delivery.changes
        ],
        "changes_total": delivery.changes_total,
    }
