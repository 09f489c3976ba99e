"""The dashboard's filters and sort with the keyboard alone, in Chromium: Tab
reaches them, arrows, Space and Enter operate them, the table follows. The
sortable headers are read from the page, each one is tried."""

from browser_site import InCorpusSite

import pytest


ROWS = "#traite-measures tbody tr"
HEADERS = "#traite-measures thead th[data-column]"
# Whether the rows follow column ``index`` in ``direction``, compared as the
# dashboard's script compares (French, numbers by value).
IN_ORDER = """([index, direction]) => {
  const values = [...document.querySelectorAll('#traite-measures tbody tr')]
    .map(row => row.cells[index].getAttribute('data-sort') || '');
  const sign = direction === 'ascending' ? 1 : -1;
  return values.every((value, i) => i === 0 ||
    sign * values[i - 1].localeCompare(value, 'fr', {numeric: true}) <= 0);
}"""
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


def wait_rows_match(page, attribute: str, value: str | None) -> None:
    """Waits until exactly the rows whose ``attribute`` is ``value`` show
    (every row when ``value`` is None)."""
    page.wait_for_function(
        "([a, v]) => [...document.querySelectorAll('#traite-measures tbody tr')]"
        ".every(r => r.hidden === (v !== null && r.getAttribute(a) !== v))",
        arg=[attribute, value],
    )


def try_list(page, selector: str, attribute: str) -> None:
    """Tab to a filter list, ArrowDown picks its first choice (the rows
    follow), Home takes back « all » (every row again)."""
    tab_to(page, selector)
    page.keyboard.press("ArrowDown")
    chosen = page.locator(selector).input_value()
    assert chosen
    wait_rows_match(page, attribute, chosen)
    assert set(shown(page, attribute)) <= {chosen}
    page.keyboard.press("Home")
    wait_rows_match(page, attribute, None)


class TestDashboardKeyboard(InCorpusSite):
    def test_filters(self, open_page, site):
        portal, _persons = site
        with open_page() as page:
            page.goto(portal["plan-action-2010"].absolute_url())
            try_list(page, "#filter-chapter", "data-chapter")
            try_list(page, "#filter-status", "data-status")
            tab_to(page, "#filter-overdue")
            page.keyboard.press("Space")
            assert page.locator("#filter-overdue").is_checked()
            wait_rows_match(page, "data-overdue", "1")
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

    def test_every_header_sorts(self, open_page, site):
        """Enter sorts on each sortable header, Space reverses: every column."""
        portal, _persons = site
        with open_page() as page:
            page.goto(portal["plan-action-2010"].absolute_url())
            columns = page.locator(HEADERS).evaluate_all(
                "cells => cells.filter(c => c.querySelector('a'))"
                ".map(c => [c.dataset.column, c.cellIndex])"
            )
            assert len(columns) == page.locator(HEADERS).count()
            for column, index in columns:
                header = f'th[data-column="{column}"]'
                tab_to(page, f"{header} a")
                for key in ("Enter", "Space"):
                    before = page.locator(header).get_attribute("aria-sort")
                    page.keyboard.press(key)
                    page.wait_for_function(
                        "([h, b]) => document.querySelector(h)"
                        ".getAttribute('aria-sort') !== b",
                        arg=[header, before],
                    )
                    direction = page.locator(header).get_attribute("aria-sort")
                    assert direction in ("ascending", "descending")
                    assert page.evaluate(IN_ORDER, [index, direction]), column
                # One column sorted at a time: the others lost aria-sort.
                sorted_now = page.locator(f"{HEADERS}[aria-sort]").count()
                assert sorted_now == 1
