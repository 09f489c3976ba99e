"""The dashboard's filters and sort with the keyboard alone, in Chromium: Tab
reaches them, arrows, Space and Enter operate them, the table follows."""

from browser_site import InCorpusSite

import pytest


ROWS = "#traite-measures tbody tr"
TABS = 400  # more than the focusable elements before the table


def tab_to(page, selector: str) -> None:
    """Presses Tab until ``selector`` has the focus (it is in the tab order)."""
    target = page.locator(selector)
    for _ in range(TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tab never reaches {selector}")


def shown(page, attribute: str) -> list[str]:
    return page.locator(f"{ROWS}:not([hidden])").evaluate_all(
        f"rows => rows.map(row => row.getAttribute('{attribute}'))"
    )


def first_numbers(page, count: int = 3) -> list[str]:
    return page.locator(f"{ROWS}:not([hidden]) td:first-child").evaluate_all(
        f"cells => cells.slice(0, {count}).map(cell => cell.textContent.trim())"
    )


class TestDashboardKeyboard(InCorpusSite):
    def test_filters(self, open_page, site):
        portal, _persons = site
        with open_page() as page:
            page.goto(portal["plan-action-2010"].absolute_url())
            tab_to(page, "#filter-chapter")
            page.keyboard.press("ArrowDown")
            chapter = page.locator("#filter-chapter").input_value()
            assert chapter
            page.wait_for_function(
                "n => [...document.querySelectorAll('#traite-measures tbody tr')]"
                ".every(r => r.hidden === (r.dataset.chapter !== n))",
                arg=chapter,
            )
            assert set(shown(page, "data-chapter")) == {chapter}
            page.keyboard.press("Home")
            page.wait_for_function(
                "() => [...document.querySelectorAll('#traite-measures tbody tr')]"
                ".every(r => !r.hidden)"
            )
            tab_to(page, "#filter-overdue")
            page.keyboard.press("Space")
            assert page.locator("#filter-overdue").is_checked()
            page.wait_for_function(
                "() => [...document.querySelectorAll('#traite-measures tbody tr')]"
                ".every(r => r.hidden === (r.dataset.overdue !== '1'))"
            )
            assert set(shown(page, "data-overdue")) == {"1"}

    def test_sort(self, open_page, site):
        portal, _persons = site
        header = 'th[data-column="numero"]'
        with open_page() as page:
            page.goto(portal["plan-action-2010"].absolute_url())
            tab_to(page, f"{header} a")
            before = page.locator(header).get_attribute("aria-sort")
            page.keyboard.press("Enter")
            # The script sorts in place: the page did not reload.
            page.wait_for_function(
                "([h, b]) => document.querySelector(h).getAttribute('aria-sort') !== b",
                arg=[header, before],
            )
            assert page.locator(header).get_attribute("aria-sort") == "descending"
            assert first_numbers(page) == ["33", "32", "31"]
            page.keyboard.press("Space")
            page.wait_for_function(
                "h => document.querySelector(h).getAttribute('aria-sort')"
                " === 'ascending'",
                arg=header,
            )
            assert first_numbers(page) == ["1", "2", "3"]
