"""A jurist's journey in Chromium: from the home page to a library, filtered by
year then by type, a ruling's identifiers with their official source, what
cites it (a proposal, the annexes), and the ruling again by its ECLI and
application number."""

from browser_site import InCorpusSite
from browser_site import screenshot
from plone import api

import pytest


def cited_ruling():
    """The first court ruling (by path) that something cites, the first item
    citing it, and the ruling's year."""
    for brain in api.content.find(portal_type="CourtRuling", sort_on="path"):
        ruling = brain.getObject()
        for relation in api.relation.get(target=ruling, relationship="cites"):
            return ruling, relation.from_object, int(brain.legal_date[:4])
    raise LookupError("nothing cites a court ruling")


@pytest.fixture
def journey(site):
    portal, _persons = site
    return portal, *cited_ruling()


def column(page, label: str) -> list[str]:
    """The texts of the library table's cells labelled ``label``."""
    return page.locator(f'#traite-library tbody td[data-label="{label}"]').evaluate_all(
        "cells => cells.map(cell => cell.textContent.trim())"
    )


class TestJuristJourney(InCorpusSite):
    def test_library_filters_identifiers_permalinks(self, open_page, journey):
        portal, ruling, citing, year = journey
        library = ruling.aq_parent
        with open_page() as page:
            page.goto(portal.absolute_url())
            page.locator("section[aria-labelledby=home-libraries]").get_by_role(
                "link", name=library.Title(), exact=True
            ).click()
            page.wait_for_url(library.absolute_url())
            # The year typed and Enter pressed: the server filters.
            page.get_by_label("Année", exact=True).fill(str(year))
            page.get_by_label("Année", exact=True).press("Enter")
            page.wait_for_url(f"**annee={year}**")
            dates = column(page, "Date")
            assert dates
            assert all(value.endswith(str(year)) for value in dates)
            assert ruling.Title() in column(page, "Titre")
            screenshot(page, "journey-jurist-1-library-year")
            # Up to every library: the type list, then the same year.
            page.locator("#portal-breadcrumbs").get_by_role(
                "link", name=library.aq_parent.Title(), exact=True
            ).click()
            page.get_by_label("Type de texte").select_option(ruling.portal_type)
            kind = page.locator("#filter-type option:checked").inner_text()
            page.get_by_role("button", name="Filtrer").click()
            page.wait_for_url(f"**type={ruling.portal_type}**")
            assert set(column(page, "Type")) == {kind}
            screenshot(page, "journey-jurist-2-all-libraries-type")
            page.locator("#traite-library").get_by_role(
                "link", name=ruling.Title(), exact=True
            ).click()
            page.wait_for_url(ruling.absolute_url())
            facts = page.locator("section.traite-identifiers")
            assert ruling.ecli in facts.inner_text()
            sources = facts.locator("a").evaluate_all("links => links.map(a => a.href)")
            assert any(url.startswith("https://") for url in sources)
            screenshot(page, "journey-jurist-3-ruling")
            page.locator("#traite-relations").get_by_role(
                "link", name=citing.Title(), exact=True
            ).click()
            page.wait_for_url(citing.absolute_url())
            # The ruling's permalinks, typed in the address bar.
            for kind, value in (
                ("ecli", ruling.ecli),
                ("requete", ruling.application_numbers[0]),
            ):
                page.goto(f"{portal.absolute_url()}/{kind}/{value}")
                assert page.url == ruling.absolute_url(), kind
