"""Stored Python values as JSON and back, exactly (types kept, nothing rounded).

Used for what collective.exportimport does not carry: attributes outside the
schema (workflow history, permission settings, dates to the microsecond),
annotations (status timelines), version metadata, registry values and the
change log. A tuple stays a tuple (Zope reads a tuple of roles as "do not
acquire" and a list as "acquire"), a ``DateTime`` keeps its microseconds and
its time zone, a persistent mapping stays persistent. A value of a kind not in
the table below is refused at export (``UnexportableValue``): nothing is
silently dropped.
"""

from BTrees.Length import Length
from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone.app.textfield.value import RichTextValue
from zope.dottedname.resolve import resolve
from zope.interface.interface import InterfaceClass

import base64


TAG = "@t"
# Persistent containers stored by their class: mappings and sequences/sets.
MAPPING_CLASSES = (
    "persistent.mapping.PersistentMapping",
    "Persistence.mapping.PersistentMapping",
    "BTrees.OOBTree.OOBTree",
    "BTrees.IOBTree.IOBTree",
    "BTrees.LOBTree.LOBTree",
    "BTrees.OIBTree.OIBTree",
    "BTrees.IIBTree.IIBTree",
    "BTrees.LLBTree.LLBTree",
)
SEQUENCE_CLASSES = (
    "persistent.list.PersistentList",
    "BTrees.OOBTree.OOTreeSet",
    "BTrees.OOBTree.OOSet",
    "BTrees.IIBTree.IITreeSet",
    "BTrees.IIBTree.IISet",
    "BTrees.LLBTree.LLTreeSet",
    "BTrees.LLBTree.LLSet",
)


class UnexportableValue(TypeError):
    """A stored value of a kind the export does not know (message in French)."""


def _class_name(value) -> str:
    # The pure-Python BTrees (no C extension) end in "Py".
    return f"{type(value).__module__}.{type(value).__name__.removesuffix('Py')}"


def encode(value, relation_uid=None):
    """``value`` as JSON data; ``relation_uid(value)`` encodes a relation."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [encode(item, relation_uid) for item in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [encode(item, relation_uid) for item in value]}
    if type(value) is dict:
        if all(isinstance(key, str) for key in value) and TAG not in value:
            return {key: encode(item, relation_uid) for key, item in value.items()}
        return {TAG: "dict", "v": _pairs(value, relation_uid)}
    if isinstance(value, set | frozenset):
        kind = type(value).__name__
        return {TAG: kind, "v": sorted((encode(i) for i in value), key=repr)}
    if isinstance(value, bytes):
        return {TAG: "bytes", "v": base64.b64encode(value).decode("ascii")}
    if isinstance(value, DateTime):
        return {TAG: "DateTime", "v": list(value.__getstate__())}
    if isinstance(value, datetime):
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, RichTextValue):
        raw = [value.raw, value.mimeType, value.outputMimeType, value.encoding]
        return {TAG: "RichTextValue", "v": raw}
    if isinstance(value, Length):
        return {TAG: "Length", "v": value()}
    if isinstance(value, InterfaceClass):
        return {TAG: "interface", "v": value.__identifier__}
    if relation_uid is not None and hasattr(value, "to_object"):
        return {TAG: "relation", "v": relation_uid(value)}
    name = _class_name(value)
    if name in MAPPING_CLASSES:
        return {TAG: "class", "class": name, "v": _pairs(value, relation_uid)}
    if name in SEQUENCE_CLASSES:
        items = [encode(item, relation_uid) for item in value]
        return {TAG: "class", "class": name, "v": items}
    raise UnexportableValue(f"valeur d'un type non exportable : {name}")


def _pairs(mapping, relation_uid) -> list:
    return [
        [encode(key, relation_uid), encode(item, relation_uid)]
        for key, item in mapping.items()
    ]


def decode(data, relation=None):
    """The value ``encode`` gave ``data`` for; ``relation(uid)`` rebuilds one."""
    if isinstance(data, list):
        return [decode(item, relation) for item in data]
    if not isinstance(data, dict):
        return data
    tag = data.get(TAG)
    if tag is None:
        return {key: decode(item, relation) for key, item in data.items()}
    payload = data["v"]
    if tag == "tuple":
        return tuple(decode(item, relation) for item in payload)
    if tag == "dict":
        return {decode(k, relation): decode(v, relation) for k, v in payload}
    if tag in ("set", "frozenset"):
        items = (decode(item, relation) for item in payload)
        return set(items) if tag == "set" else frozenset(items)
    if tag == "bytes":
        return base64.b64decode(payload)
    if tag == "DateTime":
        value = DateTime.__new__(DateTime)
        value.__setstate__(tuple(payload))
        return value
    if tag == "datetime":
        return datetime.fromisoformat(payload)
    if tag == "date":
        return date.fromisoformat(payload)
    if tag == "RichTextValue":
        raw, mime_type, output_mime_type, encoding = payload
        return RichTextValue(raw, mime_type, output_mime_type, encoding)
    if tag == "Length":
        return Length(payload)
    if tag == "interface":
        return resolve(payload)
    if tag == "relation":
        return relation(payload)
    if tag == "class":
        return _decode_class(data["class"], payload, relation)
    raise ValueError(f"type inconnu dans l'export : {tag}")


def _decode_class(name: str, payload, relation):
    if name not in MAPPING_CLASSES + SEQUENCE_CLASSES:
        raise ValueError(f"classe inconnue dans l'export : {name}")
    container = resolve(name)()
    if name in MAPPING_CLASSES:
        for key, item in payload:
            container[decode(key, relation)] = decode(item, relation)
    elif hasattr(container, "append"):
        container.extend(decode(item, relation) for item in payload)
    else:
        container.update(decode(item, relation) for item in payload)
    return container
