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


def _rich_text(value) -> list:
    return [value.raw, value.mimeType, value.outputMimeType, value.encoding]


# Leaf values: (type, tag, value -> JSON data), the first match wins
# (``datetime`` before ``date``, of which it is a subclass).
LEAVES = (
    (bytes, "bytes", lambda value: base64.b64encode(value).decode("ascii")),
    (DateTime, "DateTime", lambda value: list(value.__getstate__())),
    (datetime, "datetime", lambda value: value.isoformat()),
    (date, "date", lambda value: value.isoformat()),
    (RichTextValue, "RichTextValue", _rich_text),
    (Length, "Length", lambda value: value()),
    (InterfaceClass, "interface", lambda value: value.__identifier__),
)


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
    for kind, tag, to_data in LEAVES:
        if isinstance(value, kind):
            return {TAG: tag, "v": to_data(value)}
    return _encode_object(value, relation_uid)


def _encode_object(value, relation_uid):
    """A relation, or a persistent container of a known class."""
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


def _date_time(payload) -> DateTime:
    value = DateTime.__new__(DateTime)
    value.__setstate__(tuple(payload))
    return value


# Leaf tags: JSON data -> value.
LEAF_DECODERS = {
    "bytes": base64.b64decode,
    "DateTime": _date_time,
    "datetime": datetime.fromisoformat,
    "date": date.fromisoformat,
    "RichTextValue": lambda payload: RichTextValue(*payload),
    "Length": Length,
    "interface": resolve,
}


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
    if tag in LEAF_DECODERS:
        return LEAF_DECODERS[tag](payload)
    if tag == "tuple":
        return tuple(decode(item, relation) for item in payload)
    if tag == "dict":
        return {decode(k, relation): decode(v, relation) for k, v in payload}
    if tag in ("set", "frozenset"):
        items = (decode(item, relation) for item in payload)
        return set(items) if tag == "set" else frozenset(items)
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
