"""A measure's implementation status on a given day, from its timeline."""

from datetime import date
from datetime import datetime
from traite_portal.ministries.history import current_status
from traite_portal.ministries.history import history
from traite_portal.notifications.overdue import FINISHED_STATUSES


def _day(entry: dict) -> date | None:
    try:
        return datetime.fromisoformat(entry["date"]).date()
    except (TypeError, ValueError):
        return None


def status_on(measure, day: date | None) -> tuple[str | None, date | None]:
    """(status, date of the change that set it) at the end of ``day``.

    ``None`` for ``day`` means now. Before the first recorded change the
    measure had that change's previous status (``None`` when never known).
    """
    entries = history(measure)
    if day is None:
        last = _day(entries[-1]) if entries else None
        return current_status(measure), last
    past = [e for e in entries if (_day(e) or date.min) <= day]
    if past:
        return past[-1]["status"], _day(past[-1])
    if entries:
        return entries[0]["previous"], None
    return current_status(measure), None


def is_overdue(deadline_end: int | None, status: str | None, day: date) -> bool:
    """Deadline year past on ``day`` and the measure neither done nor abandoned."""
    if not deadline_end or deadline_end >= day.year:
        return False
    return status not in FINISHED_STATUSES
