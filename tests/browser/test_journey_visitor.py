"""A visitor's journey in Chromium: home page, dashboard, a chapter's measures,
a measure, then a convention it cites."""

from browser_site import InCorpusSite
from browser_site import screenshot
from plone import api

import pytest


def measure_citing_a_convention(plan):
    """The first measure (by number) that cites a convention, and the convention."""
    for brain in api.content.find(
        context=plan, portal_type="Measure", sort_on="measure_number"
    ):
        measure = brain.getObject()
        for relation in measure.cites or ():
            if relation.to_object.portal_type == "Convention":
                return measure, relation.to_object
    raise LookupError("no measure cites a convention")


@pytest.fixture
def journey(site):
    portal, _persons = site
    measure, convention = measure_citing_a_convention(portal["plan-action-2010"])
    return portal, measure, convention


class TestVisitorJourney(InCorpusSite):
    def test_home_dashboard_chapter_measure_convention(self, open_page, journey):
        portal, measure, convention = journey
        chapter = measure.aq_parent
        with open_page() as page:
            page.goto(portal.absolute_url())
            screenshot(page, "journey-visitor-1-home")
            page.get_by_role("link", name="Tableau de bord des 33 mesures").click()
            rows = page.locator("#traite-measures tbody tr")
            assert rows.count() == 33
            page.get_by_label("Chapitre", exact=True).select_option(str(chapter.number))
            # The script filters in place: no reload, the other rows hidden.
            visible = page.locator("#traite-measures tbody tr:visible")
            expected = len(
                api.content.find(context=chapter, portal_type="Measure", depth=1)
            )
            page.wait_for_function(
                "n => document.querySelectorAll("
                "'#traite-measures tbody tr:not([hidden])').length === n",
                arg=expected,
            )
            chapters = visible.evaluate_all(
                "rows => rows.map(r => r.getAttribute('data-chapter'))"
            )
            assert set(chapters) == {str(chapter.number)}
            assert (
                page.locator("#traite-row-count").inner_text().startswith(str(expected))
            )
            screenshot(page, "journey-visitor-2-dashboard-chapter")
            page.locator("#traite-measures tbody tr:visible").get_by_role(
                "link", name=measure.Title(), exact=True
            ).click()
            page.wait_for_url(measure.absolute_url())
            assert page.locator("h1").inner_text() == measure.Title()
            screenshot(page, "journey-visitor-3-measure")
            texts = page.locator("section[aria-labelledby=texts-title]")
            texts.get_by_role("link", name=convention.Title(), exact=True).click()
            page.wait_for_url(convention.absolute_url())
            assert page.locator("h1").inner_text() == convention.Title()
            # The convention's page cites the measure back (« Cité par »).
            back = page.get_by_role("link", name=measure.Title(), exact=True)
            assert back.first.get_attribute("href") == measure.absolute_url()
            screenshot(page, "journey-visitor-4-convention")
