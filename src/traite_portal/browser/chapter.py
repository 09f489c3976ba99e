"""Chapter, annex and proposal pages (the plan's other items)."""

from Products.Five.browser import BrowserView
from traite_portal.browser.measure import viewable
from traite_portal.browser.proposals import proposals_of
from traite_portal.plan.rows import measure_rows


class ChapterView(BrowserView):
    """``view`` of a chapter: introduction, findings, measures, proposals."""

    def measures(self) -> list:
        plan = self.context.aq_parent
        return [
            row
            for row in measure_rows(plan, self.request)
            if row.chapter_number == self.context.number
        ]

    def proposals(self) -> list[dict]:
        return proposals_of(self.context, self.request)


class AnnexView(BrowserView):
    """``view`` of the annexes: their text, the texts annexed, the proposals."""

    def proposals(self) -> list[dict]:
        return proposals_of(self.context, self.request)

    def cited(self) -> list[dict]:
        return viewable(r.to_object for r in self.context.cites or [])


class ProposalView(BrowserView):
    """``view`` of a proposal: what it answers, its authors, kind, state, text."""

    def facts(self) -> dict:
        container = self.context.aq_parent
        items = proposals_of(container, self.request)
        mine = next((i for i in items if i["id"] == self.context.getId()), None)
        return mine or {}

    def answers(self) -> list[dict]:
        return viewable(r.to_object for r in self.context.responds_to or [])
