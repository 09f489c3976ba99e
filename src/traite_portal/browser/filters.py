"""The dashboard's query parameters (date, chapter, status, overdue, sort).

Shared by the page, its exports and its charts, so that a link keeps the same
selection everywhere. Bad values give a French message, never an error page.
"""

from dataclasses import dataclass
from datetime import date
from traite_portal import _
from traite_portal.plan.columns import BY_ID
from traite_portal.plan.columns import sort_rows
from traite_portal.plan.rows import MeasureRow
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES


STATUS_TOKENS = [token for token, _title in IMPLEMENTATION_STATUSES]


@dataclass
class Selection:
    """What the request asks for; ``errors`` are message ids to show."""

    day: date | None = None
    chapter: int | None = None
    status: str = ""
    overdue: bool = False
    sort: str = "numero"
    descending: bool = False
    errors: list = None

    def apply(self, rows: list[MeasureRow]) -> list[MeasureRow]:
        """The rows that match, sorted."""
        kept = [
            row
            for row in rows
            if (self.chapter is None or row.chapter_number == self.chapter)
            and (not self.status or row.status == self.status)
            and (not self.overdue or row.overdue)
        ]
        return sort_rows(kept, self.sort, self.descending)

    def query(self) -> str:
        """The selection as a query string (for export and chart links)."""
        parts = []
        if self.day:
            parts.append(f"date={self.day.isoformat()}")
        if self.chapter is not None:
            parts.append(f"chapitre={self.chapter}")
        if self.status:
            parts.append(f"etat={self.status}")
        if self.overdue:
            parts.append("retard=1")
        return "&".join(parts)


def _one(form, key: str) -> str:
    """A parameter as one string (a repeated parameter counts as absent)."""
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def selection_from(request) -> Selection:
    """Read the parameters; keep the valid ones and explain the others."""
    form = request.form
    selection = Selection(errors=[])
    raw_day = _one(form, "date")
    if raw_day:
        try:
            selection.day = date.fromisoformat(raw_day)
        except ValueError:
            selection.errors.append(
                _(
                    "error_bad_date",
                    default="Date invalide : « ${value} ». Format attendu : AAAA-MM-JJ "
                    "(par exemple 2012-12-31).",
                    mapping={"value": raw_day},
                )
            )
    raw_chapter = _one(form, "chapitre")
    if raw_chapter:
        if raw_chapter.isdigit():
            selection.chapter = int(raw_chapter)
        else:
            selection.errors.append(
                _(
                    "error_bad_chapter",
                    default="Chapitre invalide : « ${value} ».",
                    mapping={"value": raw_chapter},
                )
            )
    status = _one(form, "etat")
    if status in STATUS_TOKENS:
        selection.status = status
    elif status:
        selection.errors.append(
            _(
                "error_bad_status_filter",
                default="État inconnu : « ${value} ».",
                mapping={"value": status},
            )
        )
    selection.overdue = _one(form, "retard") in ("1", "on", "true")
    sort = _one(form, "tri") or "numero"
    selection.sort = sort if sort in BY_ID else "numero"
    selection.descending = _one(form, "ordre") == "desc"
    return selection
