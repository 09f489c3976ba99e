"""One page of the feed: the entries after a cursor that a reader may see.

Shared by ``@changes`` and by any consumer that serves a reader (webhooks
carry only what their owner may see). A page scans a bounded number of
entries, so a reader who sees few of them still gets an answer quickly; its
cursor moves past what was scanned, never past what was not.
"""

from traite_portal.changelog.records import Change
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.visibility import EVERYTHING
from traite_portal.changelog.visibility import kind_for
from traite_portal.changelog.visibility import Scope
from traite_portal.changelog.visibility import Viewer
from typing import NamedTuple


# Entries scanned per page at most, whatever the page size.
SCAN_LIMIT = 5000


class FeedItem(NamedTuple):
    """An entry and what the reader is told about it."""

    change: Change
    kind: str  # created, modified, transition, moved, security, removed, deleted


class FeedPage(NamedTuple):
    items: list[FeedItem]
    cursor: int  # the position after the last entry scanned
    more: bool  # entries remain after ``cursor``


def read_page(
    log: ChangeLog,
    since: int,
    viewer: Viewer,
    scope: Scope = EVERYTHING,
    size: int = 100,
    scan_limit: int = SCAN_LIMIT,
) -> FeedPage:
    """At most ``size`` items for ``viewer`` after position ``since``.

    With nothing new (``since`` is the head) no entry is read at all: the
    cost of an empty poll does not grow with the site or the log.
    """
    head = log.head
    items: list[FeedItem] = []
    cursor = since
    scanned = 0
    for change in log.changes(since, head):
        cursor = change.seq
        scanned += 1
        kind = kind_for(change, viewer, scope)
        if kind is not None:
            items.append(FeedItem(change, kind))
        if len(items) >= size or scanned >= max(scan_limit, size):
            break
    return FeedPage(items, cursor, cursor < head)
