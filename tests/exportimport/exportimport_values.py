"""Stored values as plain data that compare equal when the values are equal.

The building block of ``exportimport_snapshot``: dates to the microsecond,
rich text with its types, relations by their target's UID, blobs by their
SHA-256, persistent objects by their stored attributes.
"""

from Acquisition import aq_base
from BTrees.Length import Length
from DateTime import DateTime
from datetime import date
from datetime import datetime
from persistent import Persistent
from plone.app.textfield.value import RichTextValue
from plone.namedfile.interfaces import INamedFile
from z3c.relationfield.interfaces import IRelationValue
from zope.interface.declarations import Declaration
from zope.interface.interface import InterfaceClass

import hashlib
import Missing


# What a site keeps that says nothing about its content, or is derived from
# identifiers local to one database; each is named and explained once.
INTERNAL_ATTRIBUTES = {
    # Containers' children: compared as the ordered list of their ids.
    "_tree",
    "_mt_index",
    "_count",
    "_objects",
    # Back-pointer to the parent (the path says it).
    "__parent__",
    # Annotations: compared one by one below.
    "__annotations__",
}
# Version metadata derived from the storage: the pickle's size and the
# storage's internal identifiers of the saving object and its parent.
GENERATED = "plone.dexterity.schema.generated."
DERIVED_VERSION_METADATA = {"approxSize", "originator", "parent"}


# Leaf values: (type or test, value -> plain data), the first match wins.
LEAVES = (
    (bytes, lambda value: {"sha256": hashlib.sha256(value).hexdigest()}),
    (DateTime, lambda value: {"DateTime": list(value.__getstate__())}),
    (datetime | date, lambda value: {"datetime": value.isoformat()}),
    (
        RichTextValue,
        lambda v: {"RichText": [v.raw, v.mimeType, v.outputMimeType, v.encoding]},
    ),
    (Length, lambda value: {"Length": value()}),
    (
        Declaration,
        lambda v: {"provides": sorted(i.__identifier__ for i in v.flattened())},
    ),
    (InterfaceClass, lambda value: {"interface": value.__identifier__}),
    (type, lambda value: {"type": f"{value.__module__}.{value.__qualname__}"}),
)


def plain(value, depth: int = 0):
    """``value`` as JSON-like data that compares equal when the values are equal."""
    if depth > 12:
        return {"too deep": type(value).__name__}
    if isinstance(value, str) and value.startswith(GENERATED):
        # The generated schema of a type is named after the site and the time
        # its type was last changed: only the type says what it is.
        return GENERATED + value.rsplit("_", 1)[-1]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if value is Missing.Value:
        return "<missing>"
    for kind, to_plain in LEAVES:
        if isinstance(value, kind):
            return to_plain(value)
    if IRelationValue.providedBy(value):
        return {"relation": [value.from_attribute, uid_of(value.to_object)]}
    if INamedFile.providedBy(value):
        return {
            "file": [value.filename, value.contentType, plain(value.data, depth + 1)]
        }
    return _plain_container(value, depth)


def _plain_container(value, depth: int):
    """A mapping, a set, a sequence, another object of the database, or an object."""
    if hasattr(value, "items") and callable(value.items):
        pairs = ([plain(k, depth + 1), plain(v, depth + 1)] for k, v in value.items())
        return {"mapping": sorted(pairs, key=repr)}
    if isinstance(value, set | frozenset) or type(value).__name__.endswith("Set"):
        return {"set": sorted((plain(item, depth + 1) for item in value), key=repr)}
    if isinstance(value, list | tuple) or type(value).__name__ == "PersistentList":
        return [plain(item, depth + 1) for item in value]
    if hasattr(aq_base(value), "getPhysicalPath"):
        # Another object of the database (content, tool): its place, not its
        # state, which is compared where it lives.
        return {"object": "/".join(value.getPhysicalPath())}
    if isinstance(value, Persistent) or hasattr(value, "__dict__"):
        return {
            "class": f"{type(value).__module__}.{type(value).__qualname__}",
            "state": attributes(value, depth + 1),
        }
    return {"repr": repr(value)}


def uid_of(obj) -> str | None:
    return getattr(aq_base(obj), "_plone.uuid", None) if obj is not None else None


def attributes(obj, depth: int = 0) -> dict:
    """Every stored attribute of ``obj`` but the internal ones, as plain data."""
    base = aq_base(obj)
    if isinstance(base, Persistent):
        base._p_activate()  # a ghost's __dict__ is empty until loaded
    state = getattr(base, "__dict__", {})
    return {
        name: plain(value, depth)
        for name, value in sorted(state.items())
        if name not in INTERNAL_ATTRIBUTES and not name.startswith("_v_")
    }
