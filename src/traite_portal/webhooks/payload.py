"""What a delivery carries: the feed's items for the subscription's owner.

The same filtering as ``@changes`` (``visibility.kind_for``: the owner's
visibility, the folder and types of the subscription) plus the kinds it asked
for, evaluated when the delivery is attempted: the owner's rights at that
moment decide, also for a retry. Each item is the feed's JSON.
"""

from traite_portal.changelog.cursors import encode_cursor
from traite_portal.changelog.feed import FeedItem
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.visibility import kind_for
from traite_portal.changelog.visibility import Viewer
from traite_portal.services.changes.serialize import serialize_item
from traite_portal.webhooks.store import Delivery
from traite_portal.webhooks.store import Subscription

import json


# Items of a delivery its log entry names (the count says how many in all).
SUMMARY = 20


def delivery_items(
    log: ChangeLog, delivery: Delivery, viewer: Viewer, subscription: Subscription
) -> list[FeedItem]:
    """The entries of the delivery's range the owner is told about, filtered."""
    scope = subscription.scope()
    items = []
    for change in log.changes(delivery.since, delivery.until):
        kind = kind_for(change, viewer, scope)
        if kind is not None and subscription.wants(kind):
            items.append(FeedItem(change, kind))
    return items


def delivery_body(
    log: ChangeLog,
    delivery: Delivery,
    subscription: Subscription,
    items: list[FeedItem],
) -> tuple[bytes, tuple]:
    """The JSON body (the delivery's ids, its cursors, the feed's items) and
    the delivery log's summary of it: (kind, path, UID) of the first items."""
    serialized = [serialize_item(item, log, subscription.site_url) for item in items]
    payload = {
        "subscription": subscription.id,
        "delivery": delivery.id,
        "since": encode_cursor(log, delivery.since),
        "cursor": encode_cursor(log, delivery.until),
        "items": serialized,
    }
    summary = tuple((i["kind"], i["path"], i["UID"]) for i in serialized[:SUMMARY])
    return json.dumps(payload, ensure_ascii=False).encode("utf-8"), summary
