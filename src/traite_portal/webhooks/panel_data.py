"""What the « Webhooks » panel shows, as plain rows for its template."""

from DateTime import DateTime
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from traite_portal.changelog.storage import ChangeLog
from traite_portal.webhooks.store import STATUS_TITLES
from traite_portal.webhooks.store import Subscription
from traite_portal.webhooks.validation import KINDS
from zope.i18n import translate


def when(timestamp: float | None) -> str:
    """A time as the site shows dates (day, month, year, hour)."""
    if timestamp is None:
        return ""
    return api.portal.get_localized_time(datetime=DateTime(timestamp), long_format=True)


def subscription_row(view, subscription: Subscription) -> dict:
    request = view.request
    kinds = [translate(KINDS[k], context=request) for k in subscription.kinds]
    return {
        "id": subscription.id,
        "title": subscription.title or subscription.url,
        "url": subscription.url,
        "owner": subscription.owner,
        "types": ", ".join(subscription.portal_types),
        "folder": subscription.folder or "",
        "kinds": ", ".join(kinds),
        "active": subscription.active,
        "problem": subscription.problem,
        "edit_url": view.url(edit=subscription.id),
        "log_url": view.url(log=subscription.id),
    }


def deliveries_rows(view, subscription: Subscription, log: ChangeLog) -> list[dict]:
    """The delivery log, newest first."""
    rows = []
    for delivery in reversed(list(subscription.deliveries.values())):
        changes = [f"{kind} {path}" for kind, path, _uid in delivery.changes]
        more = delivery.changes_total - len(changes)
        rows.append(
            {
                "id": delivery.id,
                "number": delivery.number,
                "created": when(delivery.created),
                "changes": changes,
                "more": more if more > 0 else 0,
                "status": delivery.status,
                "status_title": translate(
                    STATUS_TITLES[delivery.status], context=view.request
                ),
                "http_status": delivery.http_status or "",
                "attempts": delivery.attempts,
                "next_try": when(delivery.next_try),
                "error": delivery.error or "",
                "may_resend": not delivery.open and delivery.since >= log.pruned_upto,
            }
        )
    return rows


def type_options(portal, chosen) -> list[dict]:
    """Every content type the site has that the log records, with its title."""
    types_tool = api.portal.get_tool("portal_types")
    options = [
        {"id": fti.getId(), "title": translate(fti.Title(), context=portal.REQUEST)}
        for fti in types_tool.objectValues()
        if IDexterityFTI.providedBy(fti) and fti.getId() != "Plone Site"
    ]
    for option in options:
        option["checked"] = option["id"] in chosen
    return sorted(options, key=lambda option: option["title"].lower())


def kind_options(request, chosen) -> list[dict]:
    return [
        {"id": k, "title": translate(t, context=request), "checked": k in chosen}
        for k, t in KINDS.items()
    ]
