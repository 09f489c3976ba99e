"""The dashboard's script is deferred: on a slow network or a busy server the
visitor may pick a filter before it runs (and Chromium restores a form's
choices on « Précédent »). The script then applies the choice when it starts,
instead of showing every row under a filter that says otherwise."""

from browser_site import InCorpusSite

import pytest


ROWS = "#traite-measures tbody tr"


def held_back(page, pattern: str) -> list:
    """Holds the requests matching ``pattern`` until the test releases them."""
    held: list = []

    def hold(route) -> None:
        held.append(route)

    page.route(pattern, hold)
    return held


def wait_until(page, condition, tries: int = 300) -> None:
    for _ in range(tries):
        if condition():
            return
        page.wait_for_timeout(100)
    pytest.fail("the browser never asked for the dashboard's script")


class TestLateScript(InCorpusSite):
    def test_a_choice_made_before_the_script_is_applied(self, open_page, site):
        portal, _persons = site
        with open_page() as page:
            held = held_back(page, "**/dashboard.js")
            page.goto(portal["plan-action-2010"].absolute_url(), wait_until="commit")
            wait_until(page, lambda: held)
            chapter = page.locator("#filter-chapter")
            number = chapter.locator("option").nth(1).get_attribute("value")
            chapter.select_option(number)
            # The script has not run: every row still shows.
            assert page.locator(f"{ROWS}:not([hidden])").count() == 33
            held.pop().continue_()
            page.wait_for_function(
                "n => [...document.querySelectorAll('#traite-measures tbody tr')]"
                ".every(r => r.hidden === (r.dataset.chapter !== n))",
                arg=number,
            )
            shown = page.locator(f"{ROWS}:not([hidden])").count()
            assert 0 < shown < 33
            assert page.locator("#traite-row-count").inner_text().startswith(str(shown))

    def test_untouched_filters_leave_the_rows_alone(self, open_page, site):
        """Without an early choice the script changes nothing when it starts:
        the counter, a live region, is not rewritten for screen readers."""
        portal, _persons = site
        with open_page() as page:
            held = held_back(page, "**/dashboard.js")
            page.goto(portal["plan-action-2010"].absolute_url(), wait_until="commit")
            wait_until(page, lambda: held)
            page.locator("#traite-row-count").wait_for()
            page.evaluate(
                "() => { window.rewritten = false; new MutationObserver(() => {"
                " window.rewritten = true; }).observe("
                "document.getElementById('traite-row-count'),"
                " {childList: true, characterData: true, subtree: true}); }"
            )
            held.pop().continue_()
            # Deferred scripts run before DOMContentLoaded, so before « complete ».
            page.wait_for_function("() => document.readyState === 'complete'")
            assert page.locator(f"{ROWS}:not([hidden])").count() == 33
            assert page.evaluate("window.rewritten") is False
            # The script did start: a header link became a button.
            assert page.locator("#traite-measures thead a[role=button]").count()
