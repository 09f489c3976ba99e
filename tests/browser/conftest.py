"""Fixtures of the browser tests: one Chromium per session, a page per person.

The portal is the corpus layer's, served by its real WSGI server on
``localhost`` (``corpus_functional``): each test gets its own copy of the
site (a DemoStorage over the layer), so journeys cannot disturb each other.
"""

from browser_site import CHROMIUM
from browser_site import CHROMIUM_ARGS
from browser_site import PASSWORD
from browser_site import people
from browser_site import screenshot
from browser_site import TIMEOUT_MS
from browser_site import wants_chromium_in_ci
from contextlib import contextmanager
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium, launched once (a fresh profile each run)."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} absent: run `make chromium` as root"
        if wants_chromium_in_ci():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def site(corpus_functional):
    """The corpus portal and its people (``member``, ``association``…)."""
    portal = corpus_functional["portal"]
    return portal, people(portal)


@pytest.fixture
def open_page(chromium, site, request):
    """``open_page(who=None, width=1280)``: a context manager giving a page,
    logged in through the login form when ``who`` names a person."""
    portal, persons = site

    @contextmanager
    def opener(who: str | None = None, width: int = 1280):
        context = chromium.new_context(
            viewport={"width": width, "height": 900},
            locale="fr-FR",
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        try:
            if who:
                log_in(page, portal.absolute_url(), persons[who])
            yield page
        except Exception:
            # What the browser showed when the test failed.
            screenshot(page, f"failure-{request.node.name}")
            raise
        finally:
            context.close()

    return opener


def log_in(page, portal_url: str, username: str) -> None:
    """Plone's login form, as a person fills it."""
    page.goto(f"{portal_url}/login")
    page.locator('input[name="__ac_name"]').fill(username)
    page.locator('input[name="__ac_password"]').fill(PASSWORD)
    page.locator('#LoginForm [name="buttons.login"]').click()
    # Logged in when Plone's personal menu offers to log out (folded away).
    page.locator("#personaltools-logout").wait_for(state="attached")
