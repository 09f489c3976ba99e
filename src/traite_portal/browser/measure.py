"""The measure page: header block, official text beside the proposals, texts."""

from plone import api
from Products.Five.browser import BrowserView
from traite_portal.browser.proposals import proposals_of
from traite_portal.plan.as_of import status_on
from traite_portal.plan.rows import measure_rows
from traite_portal.plan.rows import titles
from traite_portal.site_time import site_today
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES


def viewable(objects) -> list[dict]:
    """Title and URL of the objects the user may view, by title."""
    items = [
        {"title": obj.Title(), "url": obj.absolute_url(), "type": obj.portal_type}
        for obj in objects
        if obj is not None and api.user.has_permission("View", obj=obj)
    ]
    return sorted(items, key=lambda i: i["title"])


class MeasureView(BrowserView):
    """``view`` of a measure."""

    def __call__(self):
        plan = self.plan()
        rows = measure_rows(plan, self.request) if plan is not None else []
        self.row = next((r for r in rows if r.number == self.context.number), None)
        self.neighbours = {
            "previous": next(
                (r for r in rows if r.number == self.context.number - 1), None
            ),
            "next": next(
                (r for r in rows if r.number == self.context.number + 1), None
            ),
        }
        return self.index()

    def plan(self):
        parent = self.context.aq_parent
        return parent.aq_parent if parent.portal_type == "Chapter" else None

    def chapter(self):
        return self.context.aq_parent

    def status(self) -> dict:
        token, changed = status_on(self.context, None)
        statuses = titles(IMPLEMENTATION_STATUSES, self.request)
        return {
            "title": statuses.get(token, ""),
            "token": token,
            "date": changed.strftime("%d/%m/%Y") if changed else "",
            "overdue": bool(self.row and self.row.overdue),
        }

    def proposals(self) -> list[dict]:
        return proposals_of(self.context, self.request)

    def cited(self) -> list[dict]:
        return viewable(r.to_object for r in self.context.cites or [])

    def implementing(self) -> list[dict]:
        relations = api.relation.get(
            target=self.context, relationship="implements", unrestricted=True
        )
        return viewable(r.from_object for r in relations)

    def listed_urls(self) -> set[str]:
        """What the page lists itself: the relations viewlet leaves them out."""
        items = self.cited() + self.implementing() + self.proposals()
        return {item["url"] for item in items}

    def today(self) -> str:
        return site_today().strftime("%d/%m/%Y")
