"""HTTP helpers of the feed tests: sessions and a client that reads @changes."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from sync_helpers import PASSWORD

import requests


JSON = {"Accept": "application/json"}
ANONYMOUS = "anonymous"


def session_for(username: str) -> requests.Session:
    """A session authenticated as ``username`` (basic auth), or anonymous."""
    session = requests.Session()
    session.headers.update(JSON)
    if username == SITE_OWNER_NAME:
        session.auth = (username, SITE_OWNER_PASSWORD)
    elif username != ANONYMOUS:
        session.auth = (username, PASSWORD)
    return session


def head_cursor(session: requests.Session, url: str) -> str:
    """The current cursor of the feed at ``url`` (a site or folder URL)."""
    response = session.get(f"{url}/@changes", timeout=60)
    assert response.status_code == 200, response.text
    return response.json()["cursor"]


def read_feed(session, url: str, since: str, **params) -> tuple[list[dict], str]:
    """Every item after ``since``, following ``next`` links; and the last cursor."""
    items = []
    response = session.get(
        f"{url}/@changes", params={"since": since, **params}, timeout=60
    )
    while True:
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        next_url = page["batching"].get("next")
        if next_url is None:
            return items, page["cursor"]
        response = session.get(next_url, timeout=60)
