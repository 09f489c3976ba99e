"""The home page: what the portal is, search, the plan at a glance, what is new."""

from plone import api
from Products.Five.browser import BrowserView
from traite_portal.browser.library import LEGAL_TYPES
from traite_portal.corpus.library import LIBRARY_ID
from traite_portal.corpus.loader import PLAN_ID
from traite_portal.plan.rows import measure_rows
from traite_portal.plan.rows import status_counts


LATEST = 5


def _latest(**query) -> list[dict]:
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "description": brain.Description,
            "date": brain.effective.strftime("%d/%m/%Y")
            if brain.effective and brain.effective.year() > 1900
            else "",
        }
        for brain in api.content.find(
            sort_on="effective", sort_order="descending", sort_limit=LATEST, **query
        )[:LATEST]
    ]


class HomeView(BrowserView):
    """``accueil``: the site root's default view."""

    def __call__(self):
        self.plan = self.context.get(PLAN_ID)
        self.rows = measure_rows(self.plan, self.request) if self.plan else []
        return self.index()

    def counts(self) -> list[dict]:
        return status_counts(self.rows, self.request) if self.rows else []

    def overdue(self) -> list:
        return [row for row in self.rows if row.overdue]

    def proposals(self) -> list[dict]:
        return _latest(portal_type="Proposal", review_state="validated")

    def texts(self) -> list[dict]:
        return _latest(portal_type=list(LEGAL_TYPES), review_state="published")

    def libraries(self) -> list[dict]:
        root = self.context.get(LIBRARY_ID)
        if root is None:
            return []
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in api.content.find(
                context=root,
                portal_type="TextLibrary",
                depth=1,
                sort_on="sortable_title",
            )
        ]

    def search_url(self) -> str:
        # The search page (issue 8) lives at the site root and reads ``q``.
        return f"{self.context.absolute_url()}/@@recherche"
