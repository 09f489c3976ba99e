"""Ask the site for an endpoint over HTTP and look for an item's word in the answer."""

from plone import api
from pytest_plone import fixtures_factory
from sec_views_registry import Endpoint
from sec_views_registry import SAFE_METHODS
from sec_views_site import ITEMS
from sec_views_site import TIMEOUT
from sec_views_site import VIEWS_SITE_FUNCTIONAL

import pytest
import requests


def ask(session: requests.Session, url: str, endpoint: Endpoint) -> requests.Response:
    """Request an endpoint of the item at ``url`` (never following redirects).

    Unsafe methods carry an empty JSON object: the column reads, it does not
    write (``test_the_column_changed_nothing`` checks it).
    """
    headers = {"Accept": endpoint.accept}
    if endpoint.method == "HEAD":
        # Some HEAD answers carry a body anyway: that connection cannot be
        # reused (the next answer would start with the stray body).
        headers["Connection"] = "close"
    body = None
    if endpoint.method not in SAFE_METHODS:
        headers["Content-Type"] = "application/json"
        body = "{}"
    target = f"{url}/{endpoint.path}" if endpoint.path else url
    return session.request(
        endpoint.method,
        target,
        headers=headers,
        data=body,
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def where_found(response: requests.Response, word: str) -> list[str]:
    """Where ``word`` appears in the answer: its body or a header's name."""
    places = []
    if word.encode("utf-8") in response.content:
        places.append("body")
    for name, value in response.headers.items():
        if word in value:
            places.append(f"header {name}")
    return places


def item_urls(portal) -> dict[tuple[str, str], str]:
    """The URL of the layer's item of each (content type, state)."""
    urls = {}
    with api.env.adopt_roles(["Manager"]):
        for portal_type, state in ITEMS:
            (brain,) = api.content.find(
                context=portal, id=f"{portal_type}-{state}", unrestricted=True
            )
            urls[portal_type, state] = brain.getURL()
    return urls


def item_objects(portal) -> dict[tuple[str, str], object]:
    """The layer's item of each (content type, state), unrestricted."""
    objects = {}
    for portal_type, state in ITEMS:
        (brain,) = api.content.find(
            context=portal, id=f"{portal_type}-{state}", unrestricted=True
        )
        objects[portal_type, state] = brain._unrestrictedGetObject()
    return objects


@pytest.fixture(scope="class")
def views_site(secviews_class):
    """The view-guard site served over HTTP, for one test class (read only)."""
    secviews_class.testSetUp()
    try:
        yield secviews_class["portal"]
    finally:
        secviews_class.testTearDown()


# Test modules do ``globals().update(FIXTURES)``: pytest-plone makes a
# layer's fixtures once, and each module needs them in its own namespace.
# Their classes say ``layer = VIEWS_SITE_FUNCTIONAL``: zope.pytestlayer then
# runs them one after the other and keeps the site between classes, instead
# of building it again for each.
FIXTURES = {
    **fixtures_factory(((VIEWS_SITE_FUNCTIONAL, "secviews"),), keep_session=False),
    "views_site": views_site,
}
