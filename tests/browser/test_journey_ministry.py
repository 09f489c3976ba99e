"""A ministry editor changes a measure's status in Chromium; the dashboard and
the « Rapport de suivi » show it."""

from browser_site import InCorpusSite
from browser_site import ministry_measure
from browser_site import screenshot
from plone import api
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES

import pytest


@pytest.fixture
def measure(site):
    portal, _persons = site
    measure, _editors = ministry_measure(portal["plan-action-2010"])
    return measure


def new_status(measure) -> tuple[str, str]:
    """A status the measure is not in, with its French title."""
    token = next(
        t for t, _ in IMPLEMENTATION_STATUSES if t != measure.implementation_status
    )
    title = api.portal.translate(dict(IMPLEMENTATION_STATUSES)[token], lang="fr")
    return token, title


class TestMinistryJourney(InCorpusSite):
    def test_status_change_shows_on_dashboard_and_report(self, open_page, measure):
        token, title = new_status(measure)
        plan = measure.aq_parent.aq_parent
        with open_page("ministry") as page:
            page.goto(measure.absolute_url())
            page.get_by_role(
                "link", name="Mettre à jour l'état de mise en œuvre"
            ).first.click()
            page.get_by_label("Nouvel état").select_option(token)
            page.get_by_label("Pourquoi ?").fill("Circulaire signée le 2 mars.")
            screenshot(page, "journey-ministry-1-status-form")
            page.get_by_role("button", name="Enregistrer").click()
            page.get_by_text("État de mise en œuvre mis à jour.").wait_for()
            timeline = page.locator("#content").inner_text()
            assert "Circulaire signée le 2 mars." in timeline
            screenshot(page, "journey-ministry-2-measure")
        with open_page() as page:
            page.goto(plan.absolute_url())
            row = page.locator("#traite-measures tbody tr").nth(measure.number - 1)
            assert row.get_attribute("data-status") == token
            assert title in row.inner_text()
            page.get_by_role("link", name="Rapport de suivi").first.click()
            page.locator("h1").wait_for()
            line = page.locator("table.traite-stack tbody tr").filter(
                has=page.get_by_role("link", name=measure.Title(), exact=True)
            )
            assert title in line.inner_text()
            assert "→" in line.inner_text()
            screenshot(page, "journey-ministry-3-report")
