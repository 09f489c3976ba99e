"""Versions of an item (CMFEditions) and the field-by-field changes between two."""

from collections.abc import Iterable
from datetime import date
from datetime import datetime
from datetime import UTC
from difflib import SequenceMatcher
from html import escape
from plone.app.textfield.value import RichTextValue
from plone.app.versioningbehavior.behaviors import IVersionable
from plone.dexterity.utils import iterSchemata
from Products.CMFCore.utils import getToolByName
from Products.CMFEditions.interfaces.IArchivist import ArchivistError
from Products.CMFEditions.interfaces.IStorage import StorageError
from zope.i18n import translate
from zope.schema import getFieldsInOrder

import lxml.html
import re


CURRENT = "current"
SKIPPED_FIELDS = frozenset(IVersionable.names())
_TOKENS = re.compile(r"\s+|[^\s]+")


class VersionNotFound(ValueError):
    """The requested version does not exist (or is not a version number)."""


def retrieve_version(obj, selector: str | None):
    """The item as it was at version ``selector`` (``current``: as it is now)."""
    if selector == CURRENT:
        return obj
    if selector is None or not (str(selector).isascii() and str(selector).isdigit()):
        raise VersionNotFound(selector)
    repository = getToolByName(obj, "portal_repository")
    try:
        return repository.retrieve(obj, int(selector)).object
    except (ArchivistError, StorageError, IndexError, KeyError) as error:
        raise VersionNotFound(selector) from error


def version_info(obj, selector: str) -> dict:
    """Number, author, date and change note of a version (or of the item now)."""
    if selector == CURRENT:
        return {"version": CURRENT}
    repository = getToolByName(obj, "portal_repository")
    metadata = repository.retrieve(obj, int(selector)).sys_metadata
    timestamp = metadata.get("timestamp")
    return {
        "version": int(selector),
        "author": metadata.get("principal"),
        "time": (
            datetime.fromtimestamp(timestamp, tz=UTC).isoformat() if timestamp else None
        ),
        "comment": metadata.get("comment") or "",
    }


def value_as_text(value) -> str:
    """A field value as the plain text the diff compares."""
    if value is None:
        return ""
    if isinstance(value, RichTextValue):
        raw = (value.raw or "").strip()
        return lxml.html.fromstring(raw).text_content() if raw else ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "to_path"):  # z3c.relationfield RelationValue
        return value.to_path or ""
    if isinstance(value, Iterable) and not isinstance(value, bytes):
        return ", ".join(value_as_text(item) for item in value)
    return str(value)


def inline_diff(old: str, new: str) -> str:
    """Word-level HTML diff: removed words in ``<del>``, added in ``<ins>``."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed = escape("".join(old_tokens[i1:i2]))
        added = escape("".join(new_tokens[j1:j2]))
        if tag == "equal":
            parts.append(removed)
            continue
        if removed:
            parts.append(f"<del>{removed}</del>")
        if added:
            parts.append(f"<ins>{added}</ins>")
    return "".join(parts)


def schema_fields(obj):
    """``(name, field, schema)`` of every field of the item, once each."""
    seen = set()
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if name in seen or name in SKIPPED_FIELDS:
                continue
            seen.add(name)
            yield name, field, schema


def field_value(obj, field, schema):
    """The value of a field, read through its schema's adapter (behaviors)."""
    adapted = schema(obj, None)
    if adapted is None:
        return None
    return getattr(adapted, field.__name__, None)


def field_changes(old, new, request) -> list[dict]:
    """The fields whose value differs between two versions of an item."""
    changes = []
    for name, field, schema in schema_fields(new):
        before = value_as_text(field_value(old, field, schema))
        after = value_as_text(field_value(new, field, schema))
        if before == after:
            continue
        changes.append(
            {
                "field": name,
                "title": translate(field.title, target_language="fr", context=request),
                "old": before,
                "new": after,
                "diff": inline_diff(before, after),
            }
        )
    return changes
