"""Read the portal's ``@changes`` feed: its cursor, then pages after a cursor."""

from collections.abc import Iterator
from traite_sync.http import json_of
from traite_sync.mirror import Mirror


FEED_SIZE = 500
REMOVALS = frozenset(("deleted", "removed"))


class CursorGone(Exception):
    """410: the log no longer serves the cursor; resync from scratch."""


def head_cursor(mirror: Mirror) -> str:
    """The feed's current cursor (step 1 of a full sync)."""
    response = mirror.http.get(f"{mirror.scope_url}/@changes")
    return json_of(response, "le flux des modifications (@changes)")["cursor"]


def pages(mirror: Mirror, since: str, etag: str | None) -> Iterator[tuple[dict, str]]:
    """Each page after ``since`` (following ``next``) with its ETag.

    ``etag`` is sent as ``If-None-Match`` with the first request: a 304 (no
    change since the last poll) yields nothing.
    """
    url = f"{mirror.scope_url}/@changes"
    params = {"since": since, "b_size": FEED_SIZE}
    if mirror.types:
        params["portal_type"] = list(mirror.types)
    headers = {"If-None-Match": etag} if etag else None
    while True:
        response = mirror.http.get(url, params=params, headers=headers)
        if response.status_code == 304:
            return
        if response.status_code == 410:
            raise CursorGone()
        page = json_of(response, "le flux des modifications (@changes)")
        yield page, response.headers.get("ETag", "")
        url = page.get("batching", {}).get("next")
        if not url:
            return
        params = headers = None  # the next link carries every parameter
