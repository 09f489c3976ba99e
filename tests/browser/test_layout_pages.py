"""Layout in Chromium: no horizontal scroll at 360 px on any page of issue 10,
the measure's official text beside its proposals at 1280 px and above them at
360 px; a full-page screenshot of each page at both widths."""

from browser_pages import add_missing_texts
from browser_pages import issue_pages
from browser_site import InCorpusSite
from browser_site import screenshot
from browser_site import WIDTHS

import pytest


@pytest.fixture
def pages(site):
    portal, _persons = site
    add_missing_texts(portal)
    return issue_pages(portal)


class TestEveryPage(InCorpusSite):
    @pytest.mark.parametrize("width", WIDTHS)
    def test_no_horizontal_scroll(self, open_page, pages, width):
        too_wide = {}
        with open_page(width=width) as page:
            for name, url in pages:
                page.goto(url)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                if scroll_width > width:
                    too_wide[name] = scroll_width
                screenshot(page, f"page-{name}")
        assert too_wide == {}


def boxes(page) -> tuple[dict, dict]:
    official = page.locator("section[aria-labelledby=official-text]").bounding_box()
    proposals = page.locator("section[aria-labelledby=proposals-title]").bounding_box()
    return official, proposals


class TestMeasureLayout(InCorpusSite):
    def test_side_by_side_at_1280(self, open_page, site):
        portal, _persons = site
        measure = portal["plan-action-2010"]["chapitre-4"]["mesure-12"]
        with open_page(width=1280) as page:
            page.goto(measure.absolute_url())
            official, proposals = boxes(page)
        assert official["x"] + official["width"] <= proposals["x"]
        # Same row: their tops align, each about half of the content.
        assert abs(official["y"] - proposals["y"]) < 2
        assert official["width"] > 300
        assert proposals["width"] > 300

    def test_stacked_at_360(self, open_page, site):
        portal, _persons = site
        measure = portal["plan-action-2010"]["chapitre-4"]["mesure-12"]
        with open_page(width=360) as page:
            page.goto(measure.absolute_url())
            official, proposals = boxes(page)
        assert official["y"] + official["height"] <= proposals["y"]
        assert abs(official["x"] - proposals["x"]) < 2
        assert official["x"] + official["width"] <= 360


class TestDashboardLayout(InCorpusSite):
    @pytest.mark.parametrize("width", WIDTHS)
    def test_table_needs_no_scroll(self, open_page, site, width):
        """Every column in view: side by side at 1280 px, one card per
        measure at 360 px; the scrolling region is only a fallback."""
        portal, _persons = site
        with open_page(width=width) as page:
            page.goto(portal["plan-action-2010"].absolute_url())
            region = page.locator(".traite-table-scroll")
            overflow = region.evaluate("r => r.scrollWidth - r.clientWidth")
            cells = page.locator("#traite-measures tbody tr").first.locator("td")
            tops = cells.evaluate_all(
                "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))"
            )
        assert overflow <= 0
        if width >= 992:
            assert len(set(tops)) == 1  # one row of cells
        else:
            assert tops == sorted(tops)
            assert len(set(tops)) == len(tops)  # one cell under the other
