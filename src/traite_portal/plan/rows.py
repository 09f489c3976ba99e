"""One row per measure of a plan, with what the dashboard shows and exports."""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api
from traite_portal.plan.as_of import is_overdue
from traite_portal.plan.as_of import status_on
from traite_portal.site_time import site_today
from traite_portal.vocabularies.bodies import bodies
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES
from traite_portal.vocabularies.controlled import INSTRUMENTS
from zope.i18n import translate


@dataclass
class MeasureRow:
    """What a visitor may read of one measure (titles already translated)."""

    number: int
    title: str
    url: str
    chapter_number: int
    chapter_roman: str
    chapter_title: str
    responsible: list[str]
    partners: list[str]
    instruments: list[str]
    deadline_label: str
    deadline_start: int | None
    deadline_end: int | None
    status: str | None
    status_title: str
    status_date: date | None
    overdue: bool
    proposals: int = 0
    cited: list[dict] = field(default_factory=list)

    @property
    def deadline(self) -> str:
        """« 2011-2013 », « 2012 », or the plan's own words."""
        if self.deadline_start and self.deadline_end:
            if self.deadline_start == self.deadline_end:
                return str(self.deadline_end)
            return f"{self.deadline_start}-{self.deadline_end}"
        return self.deadline_label or ""


def titles(pairs, request) -> dict[str, str]:
    """Token → translated title of a controlled list."""
    return {token: translate(title, context=request) for token, title in pairs}


def _viewable(relations) -> list[dict]:
    cited = []
    for relation in relations or []:
        obj = relation.to_object
        if obj is not None and api.user.has_permission("View", obj=obj):
            cited.append({"title": obj.Title(), "url": obj.absolute_url()})
    return cited


def _proposal_counts(plan) -> dict[str, int]:
    """Proposals the user may see, by the path of the measure holding them."""
    counts: dict[str, int] = {}
    for brain in api.content.find(context=plan, portal_type="Proposal"):
        parent = brain.getPath().rsplit("/", 1)[0]
        counts[parent] = counts.get(parent, 0) + 1
    return counts


def measure_rows(plan, request, day: date | None = None) -> list[MeasureRow]:
    """The plan's measures in number order, as of ``day`` (None: now)."""
    statuses = titles(IMPLEMENTATION_STATUSES, request)
    instruments = titles(INSTRUMENTS, request)
    body_titles = {term.value: term.title for term in bodies()}
    counts = _proposal_counts(plan)
    today = day or site_today()
    rows = []
    brains = api.content.find(
        context=plan, portal_type="Measure", sort_on="measure_number"
    )
    for brain in brains:
        measure = brain.getObject()
        chapter = measure.aq_parent
        status, changed = status_on(measure, day)
        rows.append(
            MeasureRow(
                number=measure.number,
                title=measure.Title(),
                url=measure.absolute_url(),
                chapter_number=getattr(chapter, "number", 0) or 0,
                chapter_roman=getattr(chapter, "roman_number", "") or "",
                chapter_title=chapter.Title(),
                responsible=[
                    body_titles.get(b, b) for b in measure.responsible_bodies or []
                ],
                partners=[body_titles.get(b, b) for b in measure.partners or []],
                instruments=[instruments.get(i, i) for i in measure.instruments or []],
                deadline_label=measure.deadline_label or "",
                deadline_start=measure.deadline_start,
                deadline_end=measure.deadline_end,
                status=status,
                status_title=statuses.get(status, "") if status else "",
                status_date=changed,
                overdue=is_overdue(measure.deadline_end, status, today),
                proposals=counts.get(brain.getPath(), 0),
                cited=_viewable(getattr(measure, "cites", None)),
            )
        )
    return rows


def status_counts(rows: list[MeasureRow], request) -> list[dict]:
    """Measures per status, in the vocabulary's order (zeros included)."""
    statuses = titles(IMPLEMENTATION_STATUSES, request)
    return [
        {
            "token": token,
            "title": title,
            "count": sum(1 for row in rows if row.status == token),
        }
        for token, title in statuses.items()
    ]
