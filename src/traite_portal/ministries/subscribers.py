"""Keep the timeline and the catalog's security in step with edits."""

from traite_portal.ministries.history import record_if_changed
from traite_portal.ministries.history import remember_status
from zope.container.interfaces import IContainerModifiedEvent
from zope.lifecycleevent.interfaces import IObjectModifiedEvent


MINISTRY_FIELDS = frozenset({"responsible_bodies", "ministry"})


def _changed_names(event: IObjectModifiedEvent) -> set[str] | None:
    """The attribute names the event says changed; ``None`` if it does not say.

    A container event (an item added inside) changes no field: empty set.
    """
    if IContainerModifiedEvent.providedBy(event):
        return set()
    if not event.descriptions:
        return None
    names: set[str] = set()
    for description in event.descriptions:
        names.update(getattr(description, "attributes", ()) or ())
    return names


def remember_initial_status(measure, event) -> None:
    """A new measure: its first status is not a change."""
    remember_status(measure)


def record_status_change(measure, event) -> None:
    """Changes of status through the edit form or REST PATCH enter the timeline."""
    names = _changed_names(event)
    if names == set():
        return
    record_if_changed(measure, names is not None and "implementation_status" in names)


def reindex_ministry_security(obj, event) -> None:
    """The local roles follow the ministry fields: refresh allowedRolesAndUsers."""
    names = _changed_names(event)
    if names is None or names & MINISTRY_FIELDS:
        obj.reindexObjectSecurity()
