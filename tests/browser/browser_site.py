"""Helpers of the browser tests: Chromium, the people of the journeys, pages.

Chromium is Debian's (``scripts/chromium.sh`` installs it); Playwright drives
it and never downloads a browser of its own. Screenshots go under
``var/screenshots/`` (git-ignored).
"""

from pathlib import Path
from plone import api
from traite_portal.commands.setup_site import SITE_ANSWERS
from traite_portal.corpus.bodies import BODIES
from traite_portal.corpus.loader import COLLECTIF
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import ensure_groups
from traite_portal.groups import ministry_editors_group_id
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from traite_portal.vocabularies.associations import association_token

import os
import re
import transaction


CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium reaches for Google's
# services and fails on a closed network; a fresh profile comes from launch().
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = (360, 1280)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "secret-Pass-2026"
# Explicit waits: every wait is on a condition, this is only its ceiling.
TIMEOUT_MS = 30_000


class InCorpusSite:
    """Base of the browser test classes: naming the layer lets zope.pytestlayer
    keep the corpus site (imported once) for all of them, in one run."""

    layer = CORPUS_FUNCTIONAL_TESTING


def wants_chromium_in_ci() -> bool:
    """CI must run the browser tests; a developer without Chromium skips them."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def add_person(username: str, fullname: str, groups=()) -> str:
    """A member of ``groups`` (committed later by the caller); returns the id."""
    if api.user.get(username=username) is None:
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
            roles=["Member"],
            properties={"fullname": fullname},
        )
    for group in groups:
        api.group.add_user(groupname=group, username=username)
    return username


def collectif_group() -> str:
    """The Collectif's association group (the corpus's proposals are its own)."""
    return association_group_id(association_token(COLLECTIF))


def ministry_measure(plan) -> tuple[object, str]:
    """The first measure led by a ministry, and that ministry's editors group."""
    ministries = {b.token for b in BODIES if b.kind == "ministry"}
    for brain in api.content.find(
        context=plan, portal_type="Measure", sort_on="measure_number"
    ):
        measure = brain.getObject()
        for token in measure.responsible_bodies or ():
            if token in ministries:
                return measure, ministry_editors_group_id(token)
    raise LookupError("no measure led by a ministry")


def people(portal) -> dict[str, str]:
    """The journeys' users: a member, an association member, a coordinator and
    an editor of the ministry leading ``ministry_measure``; committed."""
    plan = portal["plan-action-2010"]
    _measure, editors = ministry_measure(plan)
    # French, titled and in Paris time, as `make start` creates the site
    # (the test layer's is an English « Plone site » in UTC).
    language = SITE_ANSWERS["default_language"]
    api.portal.set_registry_record("plone.available_languages", [language])
    api.portal.set_registry_record("plone.default_language", language)
    api.portal.set_registry_record("plone.site_title", SITE_ANSWERS["title"])
    api.portal.set_registry_record(
        "plone.portal_timezone", SITE_ANSWERS["portal_timezone"]
    )
    portal.setTitle(SITE_ANSWERS["title"])
    # The association groups of the associations the import registered, as
    # the site's administrators (and `make demo`) have them created.
    ensure_groups()
    found = {
        "member": add_person("lectrice", "Léa Lectrice"),
        "association": add_person("alice", "Alice Association", [collectif_group()]),
        "coordinator": add_person("carole", "Carole Coordinatrice", [COORDINATORS]),
        "ministry": add_person("jeanne", "Jeanne Justice", [editors]),
    }
    transaction.commit()
    return found


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def screenshot(page, name: str) -> Path:
    """A full-page PNG ``<name>-<width>.png`` under ``var/screenshots``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{slug(name)}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
