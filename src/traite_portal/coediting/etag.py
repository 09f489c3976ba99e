"""The entity tag of a content item: it changes whenever the item changes."""

from Acquisition import aq_base
from Products.CMFCore.utils import getToolByName

import hashlib
import re


def compute_etag(obj) -> str:
    """A strong, quoted ETag for ``obj``.

    Built from what a write can change: the modification date (to the
    microsecond: a save, a status change), the workflow states and the
    length of the workflow history (a transition does not touch the
    modification date), the local roles and their inheritance (``@sharing``),
    the view template and default page, and the path (a move or rename).
    Neither a lock nor a comment is part of it: locking an item before a
    PATCH, or a colleague's comment, must not invalidate the ETag the client
    already holds (docs/co-editing.md).
    """
    base = aq_base(obj)
    parts = ["/".join(obj.getPhysicalPath())]
    modified = getattr(base, "modification_date", None)
    parts.append(str(modified.micros()) if modified is not None else "")
    local_roles = getattr(base, "__ac_local_roles__", None) or {}
    parts.append(
        repr(sorted((key, sorted(roles)) for key, roles in local_roles.items()))
    )
    parts.append(repr(bool(getattr(base, "__ac_local_roles_block__", False))))
    parts.extend(repr(getattr(base, name, None)) for name in ("layout", "default_page"))
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


# RFC 9110, 8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, where etagc
# is any visible character but DQUOTE, or obs-text (headers arrive latin-1).
_ENTITY_TAG = re.compile(r'(?:W/)?"[\x21\x23-\x7e\x80-\xff]*"')
_OWS = " \t"


class MalformedPrecondition(ValueError):
    """A conditional header that is neither ``*`` nor a list of entity tags."""


def parse_entity_tags(header: str) -> list[str]:
    """The entity tags of an ``If-Match`` / ``If-None-Match`` header value."""
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def parse_if_match(header: str) -> list[str] | None:
    """``None`` for ``*``, else the entity tags of the list (maybe none).

    RFC 9110, 13.1.1: ``If-Match = "*" / #entity-tag``. ``*`` stands alone;
    a list may hold empty elements (``, "a" ,``). Anything else (``*,
    garbage``, an unquoted or unterminated tag, two tags without a comma)
    raises ``MalformedPrecondition``: it must never count as a match.
    """
    rest = header.strip(_OWS)
    if rest == "*":
        return None
    tags = []
    while rest:
        if rest[0] == ",":
            rest = rest[1:].lstrip(_OWS)
            continue
        match = _ENTITY_TAG.match(rest)
        if match is None:
            raise MalformedPrecondition(header)
        tags.append(match.group(0))
        rest = rest[match.end() :].lstrip(_OWS)
        if rest and rest[0] != ",":
            raise MalformedPrecondition(header)
    return tags


def if_match_fails(header: str | None, current: str) -> bool:
    """True when an ``If-Match`` header is present and matches nothing.

    Strong comparison (RFC 9110, 13.1.1): weak tags never match, nor does an
    empty list; ``*`` matches an existing item. A malformed header raises
    ``MalformedPrecondition``.
    """
    if header is None:
        return False
    tags = parse_if_match(header)
    return tags is not None and current not in tags


def if_none_match_hits(header: str | None, current: str) -> bool:
    """True when an ``If-None-Match`` header matches (weak comparison)."""
    if not header:
        return False
    tags = [tag.removeprefix("W/") for tag in parse_entity_tags(header)]
    return "*" in tags or current in tags
