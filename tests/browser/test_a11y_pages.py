"""axe-core (pinned in axe-playwright-python) on every page of issue 10, in
Chromium, for a visitor and for a logged-in member: no serious or critical
violation."""

from axe_playwright_python.sync_playwright import Axe
from browser_pages import add_missing_texts
from browser_pages import issue_pages
from browser_site import InCorpusSite

import pytest


BLOCKING = ("serious", "critical")


@pytest.fixture
def pages(site):
    portal, _persons = site
    add_missing_texts(portal)
    return issue_pages(portal)


def blocking_violations(page) -> list[str]:
    """axe's serious and critical violations on the page, one line each."""
    found = []
    for violation in Axe().run(page).response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


class TestAxe(InCorpusSite):
    @pytest.mark.parametrize(
        ("who", "width"), [(None, 1280), (None, 360), ("member", 1280)]
    )
    def test_no_serious_violation(self, open_page, pages, who, width):
        problems = {}
        with open_page(who, width=width) as page:
            for name, url in pages:
                page.goto(url)
                found = blocking_violations(page)
                if found:
                    problems[name] = found
        assert problems == {}
