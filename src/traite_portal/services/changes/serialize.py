"""One item of the feed as JSON: what the reader is told about one change."""

from datetime import datetime
from datetime import UTC
from traite_portal.changelog.cursors import encode_cursor
from traite_portal.changelog.feed import FeedItem
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.visibility import REMOVALS


def iso(timestamp: float | None) -> str | None:
    """A POSIX timestamp as ISO 8601 in UTC, like plone.restapi's dates."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def serialize_item(item: FeedItem, log: ChangeLog, portal_url: str) -> dict:
    """The JSON of ``item``; a removal (tombstone) says only what and where it was."""
    change = item.change
    if item.kind in REMOVALS:
        # The path the reader knew: before a move that took it out of sight.
        path = change.old_path or change.path
    else:
        path = change.path
    data = {
        "@id": portal_url + path,
        "@type": change.portal_type,
        "UID": change.uid,
        "kind": item.kind,
        "path": path,
        "cursor": encode_cursor(log, change.seq),
    }
    if item.kind not in REMOVALS:
        data["review_state"] = change.review_state
        data["modified"] = iso(change.modified)
    if item.kind == "moved":
        data["old_path"] = change.old_path
    return data
