"""Observe the matrix site over HTTP, once per role, for the cells to assert on.

Every role gets one ``requests.Session`` (basic auth, none for Anonymous);
each path is requested once per role and item (or once per role when one
answer covers every item, like ``@search``), and the cells read the answers.
"""

from dataclasses import dataclass
from dataclasses import field
from traite_portal.workflows.matrix import ITEMS

import json
import requests


PASSWORD = "secret-Pass-2026"
JSON = {"Accept": "application/json"}
# In every matrix item's description: one query finds them all (the Classic
# search page reads "OR" as a word, so it cannot OR the unique words).
COMMON_WORD = "zqmatrice"
# In the title of a private folder holding a public library and circular.
HIDDEN_PARENT_WORD = "zqdossierprive"
TIMEOUT = 60


def username_for(role: str) -> str:
    return role.lower().replace(" ", "-")


def unique_word(portal_type: str, state: str) -> str:
    """A word found in one matrix item only (its title and description)."""
    return f"zq{portal_type.lower()}{state.lower()}"


def session_for(role: str) -> requests.Session:
    """A session authenticated as the role's user (basic auth)."""
    session = requests.Session()
    if role != "Anonymous":
        session.auth = (username_for(role), PASSWORD)
    return session


@dataclass
class Answer:
    """What one request returned: status, Location header and body text."""

    status: int
    location: str
    text: str

    @classmethod
    def of(cls, response: requests.Response) -> "Answer":
        return cls(
            response.status_code, response.headers.get("Location", ""), response.text
        )

    @property
    def refused(self) -> bool:
        """Whether Plone refused the request (sent without following redirects).

        A refusal is a 401 or 403, or a 302 to the login form
        (``.../credentials_cookie_auth/require_login?came_from=...``): Plone
        sends both anonymous and authenticated users there, the latter then
        see the insufficient-privileges page. Never a 200, never a 404.
        """
        if self.status in (401, 403):
            return True
        return self.status == 302 and "require_login" in self.location

    def items(self) -> list[dict]:
        """The ``items`` of a REST answer (listing, search, breadcrumbs)."""
        return json.loads(self.text).get("items", []) if self.status == 200 else []


@dataclass
class Observations:
    """Every answer one role got from the matrix site."""

    role: str
    page: dict[tuple[str, str], Answer] = field(default_factory=dict)
    rest_get: dict[tuple[str, str], Answer] = field(default_factory=dict)
    breadcrumbs: dict[tuple[str, str], Answer] = field(default_factory=dict)
    listing_rest: dict[str, Answer] = field(default_factory=dict)
    listing_html: dict[str, Answer] = field(default_factory=dict)
    navigation: dict[str, Answer] = field(default_factory=dict)
    rest_search: Answer | None = None
    html_search: Answer | None = None


def search_text() -> str:
    """One SearchableText query matching every matrix item's unique word."""
    return " OR ".join(unique_word(*item) for item in ITEMS)


def observe(role: str, item_urls: dict, container_urls: list[str], portal_url: str):
    """Request every path once as the role and keep the answers."""
    session = session_for(role)
    seen = Observations(role)
    get = session.get
    for item, url in item_urls.items():
        page = get(url, allow_redirects=False, timeout=TIMEOUT)
        seen.page[item] = Answer.of(page)
        seen.rest_get[item] = Answer.of(get(url, headers=JSON, timeout=TIMEOUT))
        crumbs = get(f"{url}/@breadcrumbs", headers=JSON, timeout=TIMEOUT)
        seen.breadcrumbs[item] = Answer.of(crumbs)
    for url in container_urls:
        listing = get(url, headers=JSON, params={"b_size": 1000}, timeout=TIMEOUT)
        seen.listing_rest[url] = Answer.of(listing)
        html = get(
            f"{url}/@@listing_view",
            params={"b_size": 1000},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        seen.listing_html[url] = Answer.of(html)
        navigation = get(
            f"{url}/@navigation",
            headers=JSON,
            params={"expand.navigation.depth": 6},
            timeout=TIMEOUT,
        )
        seen.navigation[url] = Answer.of(navigation)
    query = {"SearchableText": search_text(), "b_size": 1000}
    seen.rest_search = Answer.of(
        get(f"{portal_url}/@search", headers=JSON, params=query, timeout=TIMEOUT)
    )
    seen.html_search = Answer.of(
        get(f"{portal_url}/@@search", params=query, timeout=TIMEOUT)
    )
    return seen
