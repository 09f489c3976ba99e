"""The implementation report's content (« Rapport de suivi »), as plain data.

Read by the HTML page and by the PDF, so both say the same thing.
"""

from dataclasses import dataclass
from datetime import date
from traite_portal.ministries.history import history
from traite_portal.plan.as_of import local_moment
from traite_portal.plan.rows import MeasureRow
from traite_portal.plan.rows import status_counts
from traite_portal.plan.rows import titles
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES
from zoneinfo import ZoneInfo


@dataclass
class Report:
    """Figures and rows of the report on ``day``."""

    plan_title: str
    day: date
    rows: list[MeasureRow]
    counts: list[dict]
    overdue: list[MeasureRow]
    timelines: dict[int, list[dict]]

    @property
    def proposals(self) -> int:
        return sum(row.proposals for row in self.rows)


def _timeline(measure, day: date, request, zone: ZoneInfo | None) -> list[dict]:
    statuses = titles(IMPLEMENTATION_STATUSES, request)
    entries = []
    for entry in history(measure):
        moment = local_moment(entry["date"], zone)
        if moment.date() > day:
            continue
        entries.append(
            {
                "date": moment.strftime("%d/%m/%Y"),
                "previous": statuses.get(entry["previous"], "—"),
                "status": statuses.get(entry["status"], "—"),
                "comment": entry["comment"] or "",
            }
        )
    return entries


def build_report(
    plan, rows: list[MeasureRow], day: date, request, zone: ZoneInfo | None = None
) -> Report:
    """The report of ``plan`` on ``day`` from the dashboard's rows for that day;
    its dates are days in ``zone`` (``site_time.site_zone()``; UTC without)."""
    measures = {row.number: row for row in rows}
    timelines = {}
    for measure in plan.portal_catalog(
        path="/".join(plan.getPhysicalPath()), portal_type="Measure"
    ):
        obj = measure.getObject()
        if obj.number in measures:
            timelines[obj.number] = _timeline(obj, day, request, zone)
    return Report(
        plan_title=plan.Title(),
        day=day,
        rows=rows,
        counts=status_counts(rows, request),
        overdue=[row for row in rows if row.overdue],
        timelines=timelines,
    )
