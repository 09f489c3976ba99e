"""The dashboard's columns: one table read by the page, the CSV and the spreadsheet."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from traite_portal import _
from traite_portal.plan.rows import MeasureRow


@dataclass(frozen=True)
class Column:
    """A column: its id (also the ``tri`` parameter), label and plain value."""

    id: str
    label: object
    value: Callable[[MeasureRow], object]
    # Sort on numbers where the plain text would sort « 10 » before « 2 ».
    sort_key: Callable[[MeasureRow], object]


def _date(row: MeasureRow) -> str:
    return row.status_date.strftime("%d/%m/%Y") if row.status_date else ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "numero", _("col_number", default="N°"), lambda r: r.number, lambda r: r.number
    ),
    Column(
        "titre",
        _("col_title", default="Mesure"),
        lambda r: r.title,
        lambda r: r.title.lower(),
    ),
    Column(
        "chapitre",
        _("col_chapter", default="Chapitre"),
        lambda r: f"{r.chapter_roman}. {r.chapter_title}",
        lambda r: r.chapter_number,
    ),
    Column(
        "responsables",
        _("col_responsible", default="Responsables"),
        lambda r: " ; ".join(r.responsible),
        lambda r: " ; ".join(r.responsible).lower(),
    ),
    Column(
        "instruments",
        _("col_instruments", default="Instruments"),
        lambda r: " ; ".join(r.instruments),
        lambda r: " ; ".join(r.instruments).lower(),
    ),
    Column(
        "echeance",
        _("col_deadline", default="Échéance"),
        lambda r: r.deadline,
        lambda r: (r.deadline_end or 9999, r.deadline_start or 0),
    ),
    Column(
        "etat",
        _("col_status", default="État de mise en œuvre"),
        lambda r: r.status_title,
        lambda r: r.status_title,
    ),
    Column(
        "depuis",
        _("col_status_date", default="Depuis le"),
        _date,
        lambda r: r.status_date or date.min,
    ),
    Column(
        "retard",
        _("col_overdue", default="En retard"),
        lambda r: r.overdue,
        lambda r: r.overdue,
    ),
    Column(
        "propositions",
        _("col_proposals", default="Propositions"),
        lambda r: r.proposals,
        lambda r: r.proposals,
    ),
    Column(
        "textes",
        _("col_cited", default="Textes cités"),
        lambda r: " ; ".join(t["title"] for t in r.cited),
        lambda r: len(r.cited),
    ),
)

BY_ID = {column.id: column for column in COLUMNS}


def sort_rows(
    rows: list[MeasureRow], column_id: str, descending: bool
) -> list[MeasureRow]:
    """Rows sorted on a column (unknown ids: by number)."""
    column = BY_ID.get(column_id, COLUMNS[0])
    return sorted(
        rows, key=lambda r: (column.sort_key(r), r.number), reverse=descending
    )
