"""What people do with webhooks, whatever the interface (REST or the panel).

Each person sees and manages the subscriptions they own; site
administrators (« Manage portal ») see and manage every one.
"""

from AccessControl import getSecurityManager
from Products.CMFCore.permissions import ManagePortal
from traite_portal import _
from traite_portal.changelog.consumers import log_of
from traite_portal.security.limits import limit
from traite_portal.security.limits import limit_message
from traite_portal.webhooks import store
from traite_portal.webhooks.delivery import resend
from traite_portal.webhooks.delivery import TOO_OLD
from traite_portal.webhooks.store import Subscription
from traite_portal.webhooks.validation import clean
from traite_portal.webhooks.validation import FieldError
from zope.i18nmessageid import Message

import time


def current_user_id() -> str:
    return getSecurityManager().getUser().getId()


def sees_all(portal) -> bool:
    return bool(getSecurityManager().checkPermission(ManagePortal, portal))


def visible_subscriptions(portal) -> list[Subscription]:
    """The subscriptions the current user manages, oldest first."""
    every = sorted(store.all_subscriptions(portal), key=lambda s: s.created)
    if sees_all(portal):
        return every
    user_id = current_user_id()
    return [s for s in every if s.owner == user_id]


def find(portal, subscription_id) -> Subscription | None:
    """The subscription if the current user manages it (else None: not found)."""
    subscription = store.get_subscription(portal, subscription_id)
    if subscription is None:
        return None
    if subscription.owner != current_user_id() and not sees_all(portal):
        return None
    return subscription


def create(portal, site_url: str, data: dict):
    """(the new subscription, []) or (None, errors); owned by the current user."""
    owner = current_user_id()
    values, errors = clean(portal, data, creating=True)
    owned = sum(1 for s in store.all_subscriptions(portal) if s.owner == owner)
    if limit("webhook_subscriptions").exceeded(owned + 1):
        errors.append(FieldError("", limit_message("webhook_subscriptions", owned)))
    if errors:
        return None, errors
    log_of(portal)  # ChangeLogMissing before anything is written
    return store.add_subscription(portal, owner, site_url, values), []


def change(portal, subscription: Subscription, data: dict) -> list[FieldError]:
    """Apply ``data`` (only the fields it names); the errors, nothing stored if any."""
    values, errors = clean(portal, data, creating=False)
    if not errors:
        store.update_subscription(subscription, values)
    return errors


def remove(portal, subscription: Subscription) -> None:
    store.delete_subscription(portal, subscription)


def request_resend(portal, subscription: Subscription, delivery_id) -> Message | None:
    """« Renvoyer » a closed delivery; why not, or None when it is queued."""
    delivery = subscription.find_delivery(delivery_id)
    if delivery is None:
        return _(
            "error_webhook_unknown_delivery",
            default="Envoi inconnu : « ${id} ».",
            mapping={"id": str(delivery_id)[:100]},
        )
    if delivery.open:
        return _(
            "error_webhook_delivery_open",
            default="Cet envoi est encore en cours : il sera réessayé de lui-même.",
        )
    if delivery.since < log_of(portal).pruned_upto:
        return TOO_OLD
    resend(subscription, delivery, time.time())
    return None
