"""The plan's dashboard: every measure in one table, figures, charts, exports."""

from plone import api
from Products.Five.browser import BrowserView
from traite_portal.browser.filters import selection_from
from traite_portal.browser.filters import STATUS_TOKENS
from traite_portal.plan.columns import COLUMNS
from traite_portal.plan.rows import measure_rows
from traite_portal.plan.rows import status_counts
from zope.i18n import translate


class PlanData(BrowserView):
    """The rows of the plan for the request's selection (base of the plan's views)."""

    def update(self) -> None:
        self.selection = selection_from(self.request)
        if self.selection.errors:
            # Bad parameters: say so (400), show the plan without them.
            self.request.response.setStatus(400)
        self.all_rows = measure_rows(self.context, self.request, self.selection.day)
        self.rows = self.selection.apply(self.all_rows)

    def errors(self) -> list[str]:
        return [translate(e, context=self.request) for e in self.selection.errors]


class DashboardView(PlanData):
    """« Tableau de bord du plan » (the ActionPlan's view)."""

    def __call__(self):
        self.update()
        # Eleven columns need the page's whole width: no navigation portlets.
        self.request.set("disable_plone.leftcolumn", True)
        self.request.set("disable_plone.rightcolumn", True)
        return self.index()

    def columns(self) -> list[dict]:
        """Headers with the link that sorts on them (the other way if current)."""
        base = self.selection.query()
        headers = []
        for column in COLUMNS:
            current = column.id == self.selection.sort
            descending = current and not self.selection.descending
            order = "&ordre=desc" if descending else ""
            query = "&".join(p for p in (base, f"tri={column.id}{order}") if p)
            if current:
                aria = "descending" if self.selection.descending else "ascending"
            else:
                aria = None
            headers.append(
                {
                    "id": column.id,
                    "label": translate(column.label, context=self.request),
                    "href": f"{self.context.absolute_url()}?{query}",
                    "aria_sort": aria,
                }
            )
        return headers

    def counts(self) -> list[dict]:
        return status_counts(self.all_rows, self.request)

    def overdue(self) -> list:
        return [row for row in self.all_rows if row.overdue]

    def chapters(self) -> list[dict]:
        return [
            {
                "number": chapter.number,
                "roman": chapter.roman_number,
                "title": chapter.Title(),
                "url": chapter.absolute_url(),
            }
            for chapter in (
                brain.getObject()
                for brain in api.content.find(
                    context=self.context,
                    portal_type="Chapter",
                    sort_on="getObjPositionInParent",
                )
            )
        ]

    def statuses(self) -> list[dict]:
        titles = {c["token"]: c["title"] for c in self.counts()}
        return [{"token": t, "title": titles[t]} for t in STATUS_TOKENS]

    def query(self) -> str:
        query = self.selection.query()
        return f"?{query}" if query else ""

    def day_value(self) -> str:
        return self.selection.day.isoformat() if self.selection.day else ""

    def day_label(self) -> str:
        return self.selection.day.strftime("%d/%m/%Y") if self.selection.day else ""

    def cell(self, row, column_id: str) -> str:
        """Sort value of a cell, for the script (numbers padded, text lowered)."""
        for column in COLUMNS:
            if column.id == column_id:
                key = column.sort_key(row)
                if isinstance(key, tuple):
                    return "-".join(f"{k:05d}" for k in key)
                if isinstance(key, bool | int):
                    return f"{int(key):05d}"
                return str(key)
        return ""
