"""The timeline of a measure's implementation status, kept in its annotations.

Each entry is a plain dict ``{status, previous, actor, actor_fullname, date,
comment}`` (``date`` in UTC, ISO 8601); entries are appended, never changed.
"""

from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from traite_portal import _
from traite_portal.interfaces import IMeasure
from traite_portal.security.limits import limit
from traite_portal.security.limits import limit_message
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent


ANNOTATION_KEY = "traite_portal.implementation_status"


def _storage(measure, create: bool = True) -> PersistentMapping | None:
    annotations = IAnnotations(measure)
    storage = annotations.get(ANNOTATION_KEY)
    if storage is None and create:
        storage = PersistentMapping(known=None, history=PersistentList())
        annotations[ANNOTATION_KEY] = storage
    return storage


def current_status(measure) -> str | None:
    return getattr(measure, "implementation_status", None)


def history(measure) -> list[dict]:
    """The recorded changes, oldest first (copies: callers may not alter them)."""
    storage = _storage(measure, create=False)
    if storage is None:
        return []
    return [dict(entry) for entry in storage["history"]]


def known_status(measure) -> str | None:
    """The status the timeline last saw (``None`` for a measure never seen)."""
    storage = _storage(measure, create=False)
    return None if storage is None else storage["known"]


def remember_status(measure) -> None:
    """Note the current status without recording a change (on creation)."""
    _storage(measure)["known"] = current_status(measure)


def _actor() -> tuple[str, str]:
    user = api.user.get_current()
    user_id = user.getId() or user.getUserName()
    fullname = user.getProperty("fullname", "") if user_id else ""
    return user_id or "", fullname or user_id or ""


def record_change(measure, previous: str | None, comment: str = "") -> dict:
    """Append an entry for the measure's current status and return it."""
    actor, fullname = _actor()
    entry = {
        "status": current_status(measure),
        "previous": previous,
        "actor": actor,
        "actor_fullname": fullname,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "comment": comment or "",
    }
    storage = _storage(measure)
    storage["history"].append(entry)
    storage["known"] = entry["status"]
    return dict(entry)


def set_status(measure, status: str, comment: str) -> dict:
    """Change the status and record who, when and why.

    The modified event reindexes the measure (and finds the change recorded).
    """
    previous = current_status(measure)
    measure.implementation_status = status
    entry = record_change(measure, previous, comment)
    notify(ObjectModifiedEvent(measure, Attributes(IMeasure, "implementation_status")))
    return entry


def record_if_changed(measure, status_named: bool) -> dict | None:
    """Record a change made by other means (edit form, REST PATCH).

    ``status_named`` says the event named the field as changed: only then is a
    measure created before the timeline existed given an entry (from unknown).
    """
    storage = _storage(measure, create=False)
    if storage is None and not status_named:
        return None
    known = None if storage is None else storage["known"]
    if current_status(measure) == known:
        return None
    return record_change(measure, known, "")


def status_titles() -> dict[str, object]:
    """Token → French title (a message id) of every implementation status."""
    return {token: title for token, title in IMPLEMENTATION_STATUSES}


def change_error(measure, status: str | None, comment: str | None):
    """Why a requested change is refused (a message id), or ``None``."""
    if status not in status_titles():
        return _(
            "error_unknown_status",
            default="État inconnu : « ${status} ». États possibles : ${choices}.",
            mapping={"status": status or "", "choices": ", ".join(status_titles())},
        )
    comment_limit = limit("status_comment")
    if comment_limit.exceeded(len(comment or "")):
        return limit_message("status_comment", len(comment))
    if not (comment or "").strip():
        return _(
            "error_status_comment_required",
            default="Indiquez pourquoi l'état change (commentaire obligatoire).",
        )
    if status == current_status(measure):
        return _(
            "error_status_unchanged",
            default="La mesure est déjà dans cet état.",
        )
    return None
