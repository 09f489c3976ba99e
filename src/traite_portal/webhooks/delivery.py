"""The life of a delivery: planned at the cursor, attempted, retried with
backoff, then delivered or given up (« en échec »), and sent again on demand.

No transaction and no HTTP here (``worker.py`` does both): these functions
only move a subscription's state, so that each step can be committed.
"""

from traite_portal import _
from traite_portal.changelog import consumers
from traite_portal.changelog.feed import read_page
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.visibility import Viewer
from traite_portal.changelog.visibility import viewer_for
from traite_portal.webhooks.settings import IWebhookSettings
from traite_portal.webhooks.store import DELIVERED
from traite_portal.webhooks.store import Delivery
from traite_portal.webhooks.store import FAILED
from traite_portal.webhooks.store import PENDING
from traite_portal.webhooks.store import RETRYING
from traite_portal.webhooks.store import Subscription
from traite_portal.webhooks.transport import Outcome
from zope.i18n import translate

import random


MANAGE_WEBHOOKS = "traite_portal: Manage webhooks"


def french(message) -> str:
    return translate(message, target_language="fr")


def backoff(attempts: int, settings: IWebhookSettings, rand=random.random) -> float:
    """Seconds before the next try after ``attempts`` tries: doubled each time,
    capped, the second half random (jitter) so receivers are not hit in step."""
    delay = min(
        settings.backoff_max_seconds, settings.backoff_seconds * 2 ** (attempts - 1)
    )
    return delay / 2 + rand() * delay / 2


def owner_viewer(portal, subscription: Subscription) -> Viewer | None:
    """The owner as a reader of the log, or None (and why, in ``problem``)."""
    user = find_owner(portal, subscription.owner)
    if user is None:
        problem = _(
            "webhook_problem_no_owner",
            default="Le propriétaire « ${owner} » n'existe plus : rien n'est envoyé.",
            mapping={"owner": subscription.owner},
        )
    elif not user.has_permission(MANAGE_WEBHOOKS, portal):
        problem = _(
            "webhook_problem_no_permission",
            default="Le propriétaire « ${owner} » n'a plus le droit de gérer des "
            "webhooks : rien n'est envoyé.",
            mapping={"owner": subscription.owner},
        )
    else:
        problem = None
    problem = None if problem is None else french(problem)
    if subscription.problem != problem:
        subscription.problem = problem
    return None if problem else viewer_for(portal, user)


def find_owner(portal, user_id: str):
    """The user ``user_id`` in the user folder that defines it, as Zope looks
    when it authenticates: the site's, then the Zope root's (the
    administrator `make site` creates registers webhooks too)."""
    for acl_users in (portal.acl_users, portal.getPhysicalRoot().acl_users):
        user = acl_users.getUserById(user_id)
        if user is not None:
            return user.__of__(acl_users)
    return None


def due_delivery(subscription: Subscription, now: float) -> Delivery | None:
    """The delivery to attempt now: a resend first, then the cursor's."""
    for number in (*subscription.resends, subscription.current):
        delivery = subscription.delivery(number)
        if delivery is not None and delivery.open and delivery.next_try <= now:
            return delivery
    return None


def plan_delivery(
    portal, log: ChangeLog, subscription: Subscription, viewer: Viewer, settings, now
) -> Delivery | None:
    """The next delivery after the cursor, or None when nothing is left to send.

    Entries the owner does not see, or of kinds not asked for, are skipped
    (the cursor moves past them); the delivery covers the entries up to the
    last one the page read.
    """
    name = subscription.consumer
    while True:
        cursor = consumers.consumer_cursor(portal, name)
        if cursor < log.pruned_upto:
            return _lost(portal, log, subscription, cursor, now)
        page = read_page(log, cursor, viewer, subscription.scope(), settings.batch_size)
        if page.cursor <= cursor:
            return None  # at the head
        if any(subscription.wants(item.kind) for item in page.items):
            delivery = subscription.add_delivery(cursor, page.cursor, now)
            subscription.current = delivery.number
            return delivery
        consumers.ack(portal, name, page.cursor)


def _lost(portal, log, subscription, cursor, now) -> None:
    """Pruning passed the cursor (hard limit): say so, start again at the head."""
    delivery = subscription.add_delivery(cursor, log.head, now)
    delivery.status, delivery.next_try = FAILED, None
    delivery.error = french(
        _(
            "webhook_error_cursor_gone",
            default="Des modifications ont été perdues : elles sont plus anciennes "
            "que la conservation du journal. Resynchronisez le destinataire "
            "(@changes).",
        )
    )
    consumers.reset_consumer(portal, subscription.consumer)
    return None


def start_attempt(delivery: Delivery, settings, now: float, summary, total) -> None:
    """Count the attempt before sending: a crash during it is a failed try."""
    delivery.attempts += 1
    delivery.last_attempt = now
    delivery.status = RETRYING
    delivery.next_try = now + backoff(delivery.attempts, settings)
    delivery.changes, delivery.changes_total = summary, total


def record_outcome(
    portal, subscription: Subscription, delivery: Delivery, outcome: Outcome, settings
) -> None:
    """Delivered, retried later, or given up after the last attempt."""
    delivery.http_status, delivery.error = outcome.status, outcome.error
    if outcome.ok:
        close(portal, subscription, delivery, DELIVERED)
    elif delivery.attempts >= settings.max_attempts:
        close(portal, subscription, delivery, FAILED)


def give_up(portal, subscription, delivery, message) -> None:
    """Close a delivery that will not be attempted again, with a reason."""
    delivery.error = french(message)
    close(portal, subscription, delivery, FAILED)


def close(portal, subscription: Subscription, delivery: Delivery, status) -> None:
    """End a delivery; the cursor moves past it if it was the cursor's."""
    delivery.status, delivery.next_try = status, None
    if delivery.number == subscription.current:
        consumers.ack(portal, subscription.consumer, delivery.until)
        subscription.current = None
    if delivery.number in subscription.resends:
        subscription.resends = tuple(
            n for n in subscription.resends if n != delivery.number
        )


def resend(subscription: Subscription, delivery: Delivery, now: float) -> None:
    """« Renvoyer »: attempt a closed delivery again, same id, from scratch."""
    delivery.status, delivery.next_try = PENDING, now
    delivery.attempts, delivery.error, delivery.http_status = 0, None, None
    delivery.resends += 1
    if delivery.number != subscription.current:
        subscription.resends = (*subscription.resends, delivery.number)


TOO_OLD = _(
    "webhook_error_too_old",
    default="Trop ancien pour être renvoyé : le journal des modifications ne "
    "conserve plus ces modifications.",
)
