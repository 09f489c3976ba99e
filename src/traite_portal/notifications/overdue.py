"""Find the overdue measures and fire ``IMeasureOverdueEvent`` for each.

A measure is overdue when its ``deadline_end`` year is before the current
year and its status is neither ``done`` nor ``abandoned``. Each measure is
notified at most once a month: the month of the last notification is kept in
an annotation on the measure.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api
from plone.app.contentrules import handlers as rule_handlers
from traite_portal.notifications.events import MeasureOverdueEvent
from traite_portal.site_time import site_today
from zope.annotation.interfaces import IAnnotations
from zope.event import notify


ANNOTATION_KEY = "traite_portal.notifications.overdue_notified"
FINISHED_STATUSES = frozenset({"done", "abandoned"})


@dataclass
class OverdueReport:
    """What a run did: the paths notified and the measures skipped."""

    notified: list[str] = field(default_factory=list)
    already_notified: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One French line for the command's output."""
        total = len(self.notified) + len(self.already_notified)
        return (
            f"Mesures en retard : {total} ; notifiées maintenant : "
            f"{len(self.notified)} ; déjà notifiées ce mois-ci : "
            f"{len(self.already_notified)}."
        )


def is_overdue(measure, today: date) -> bool:
    """Whether the measure's deadline year is past and it is unfinished."""
    deadline_end = getattr(measure, "deadline_end", None)
    if not deadline_end or deadline_end >= today.year:
        return False
    return getattr(measure, "implementation_status", None) not in FINISHED_STATUSES


def overdue_measures(portal, today: date) -> list:
    """Every overdue measure of the site, in path order."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Measure", path="/".join(portal.getPhysicalPath()), sort_on="path"
    )
    measures = (brain._unrestrictedGetObject() for brain in brains)
    return [measure for measure in measures if is_overdue(measure, today)]


def month_key(today: date) -> str:
    return f"{today.year:04d}-{today.month:02d}"


def notify_overdue_measures(portal, today: date | None = None) -> OverdueReport:
    """Fire the event for each overdue measure not yet notified this month.

    The caller commits (the command runs all of it in one transaction).
    """
    today = today or site_today()
    month = month_key(today)
    report = OverdueReport()
    try:
        for measure in overdue_measures(portal, today):
            path = "/".join(measure.getPhysicalPath())
            annotations = IAnnotations(measure)
            if annotations.get(ANNOTATION_KEY) == month:
                report.already_notified.append(path)
                continue
            notify(MeasureOverdueEvent(measure))
            annotations[ANNOTATION_KEY] = month
            report.notified.append(path)
    finally:
        # Outside a request nothing resets the filter that runs each rule once
        # per object: a later run in this thread would otherwise send nothing.
        rule_handlers.close(None)
    return report
