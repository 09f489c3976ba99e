"""The entity tag of a content item: it changes whenever the item changes."""

from Acquisition import aq_base
from Products.CMFCore.utils import getToolByName

import hashlib


def compute_etag(obj) -> str:
    """A strong, quoted ETag for ``obj``.

    Built from what a save or a transition changes: the modification date (to
    the microsecond), the workflow states and the length of the workflow
    history (a transition does not touch the modification date), and the
    path (a move or rename). A lock is not part of it: locking an item before
    a PATCH must not invalidate the ETag the client already holds.
    """
    parts = ["/".join(obj.getPhysicalPath())]
    modified = getattr(aq_base(obj), "modification_date", None)
    parts.append(str(modified.micros()) if modified is not None else "")
    workflow_tool = getToolByName(obj, "portal_workflow")
    history = getattr(aq_base(obj), "workflow_history", None) or {}
    for workflow_id in workflow_tool.getChainFor(obj):
        state = workflow_tool.getStatusOf(workflow_id, obj) or {}
        parts.append(f"{workflow_id}:{state.get('review_state', '')}")
        parts.append(str(len(history.get(workflow_id, ()))))
    return digest_etag(parts)


def digest_etag(parts: list[str]) -> str:
    """A strong, quoted ETag that changes whenever one of ``parts`` does."""
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return f'"{digest[:32]}"'


def parse_entity_tags(header: str) -> list[str]:
    """The entity tags of an ``If-Match`` / ``If-None-Match`` header value."""
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def if_match_fails(header: str | None, current: str) -> bool:
    """True when an ``If-Match`` header is present and matches nothing.

    Strong comparison (RFC 9110, 13.1.1): weak tags never match; ``*`` always
    matches an existing item.
    """
    if not header:
        return False
    tags = parse_entity_tags(header)
    return "*" not in tags and current not in tags


def if_none_match_hits(header: str | None, current: str) -> bool:
    """True when an ``If-None-Match`` header matches (weak comparison)."""
    if not header:
        return False
    tags = [tag.removeprefix("W/") for tag in parse_entity_tags(header)]
    return "*" in tags or current in tags
