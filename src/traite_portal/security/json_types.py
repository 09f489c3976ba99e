"""The JSON shape each kind of schema field accepts in a REST write.

plone.restapi's field deserializers assume the JSON type they expect: given
``{"text": 5}``, ``{"effective": 1e308}``, a list for a ``Choice`` or ``2``
for a ``Bool``, they crash (500) or store nonsense. The body of a content
POST or PATCH is checked here first, field by field, from the schemas.
"""

from plone.app.textfield.interfaces import IRichText
from plone.namedfile.interfaces import INamedField
from traite_portal import _
from z3c.relationfield.interfaces import IRelationChoice
from zope.i18nmessageid import Message
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDict
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IObject
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ITime


# Integers stored and indexed by the portal stay within 64-bit catalog keys.
MAX_INTEGER = 2**53

TYPE_NAMES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "list": "une liste",
    "object": "un objet",
    "scalar": "une valeur simple (texte ou nombre)",
    "rich": "un texte ou un objet {data, content-type, encoding}",
    "reference": "un identifiant (texte) ou un objet",
}


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _fits(kind: str, value) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return _is_integer(value) or isinstance(value, str)
    if kind == "number":
        return isinstance(value, int | float | str) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "scalar":
        return isinstance(value, str | int | float) and not isinstance(value, bool)
    if kind == "reference":
        return isinstance(value, str | dict)
    return True


def expected_kind(field) -> str | None:
    """The JSON kind a field accepts (see ``TYPE_NAMES``); ``None``: any."""
    checks = (
        (IRichText, "rich"),
        (IRelationChoice, "reference"),
        (IBool, "boolean"),
        (IInt, "integer"),
        (IFloat, "number"),
        (IDatetime, "string"),
        (IDate, "string"),
        (ITime, "string"),
        (IChoice, "scalar"),
        (ICollection, "list"),
        (IDict, "object"),
        (INamedField, "object"),
        (IObject, "object"),
        (ITextLine, "string"),
        (IText, "string"),
    )
    for interface, kind in checks:
        if interface.providedBy(field):
            return kind
    return None


def _wrong(title, kind: str) -> Message:
    return _(
        "error_json_wrong_type",
        default="« ${field} » : valeur de type inattendu, ${expected} attendu.",
        mapping={"field": title, "expected": TYPE_NAMES[kind]},
    )


def _rich_text_error(value, title) -> Message | None:
    if isinstance(value, str):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        return _wrong(title, "rich")
    extras = (value.get("content-type"), value.get("encoding"))
    if any(extra is not None and not isinstance(extra, str) for extra in extras):
        return _wrong(title, "rich")
    return None


def json_type_error(field, value, title) -> Message | None:
    """Why ``value`` (parsed JSON, not ``null``) cannot go into ``field``."""
    kind = expected_kind(field)
    if kind == "rich":
        return _rich_text_error(value, title)
    if kind is None:
        return None
    if not _fits(kind, value):
        return _wrong(title, kind)
    if _is_integer(value) and abs(value) > MAX_INTEGER:
        return _(
            "error_json_number_too_large",
            default="« ${field} » : nombre hors limites (au plus ${limit} en "
            "valeur absolue).",
            mapping={"field": title, "limit": MAX_INTEGER},
        )
    if kind == "list" and getattr(field, "value_type", None) is not None:
        for item in value:
            if item is None:
                return _wrong(title, expected_kind(field.value_type) or "scalar")
            error = json_type_error(field.value_type, item, title)
            if error is not None:
                return error
    return None
