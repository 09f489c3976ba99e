"""The portal's fields that Akoma Ntoso has no element for, in ``<proprietary>``.

Every field of a type's model and of the portal's own behaviors is written:
the title becomes the heading or ``docTitle``, rich text the body, relations
``<ref>``s, identifiers FRBR aliases; all the others (and the description)
are ``<traite:field>`` elements, so a new field round-trips without code.
An empty element means "no value".
"""

from datetime import date
from datetime import datetime
from plone.app.textfield.interfaces import IRichText
from plone.behavior.registration import lookup_behavior_registration
from plone.dexterity.interfaces import IDexterityFTI
from traite_portal import _
from traite_portal.akn.errors import AknError
from traite_portal.akn.kinds import IDENTIFIERS
from traite_portal.akn.namespaces import T
from traite_portal.akn.namespaces import traite
from traite_portal.behaviors.relations import RELATIONSHIPS
from z3c.relationfield.interfaces import IRelationList
from zope.component import getUtility
from zope.schema import getFieldsInOrder
from zope.schema import TextLine
from zope.schema.interfaces import IBool
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IInt
from zope.schema.interfaces import ValidationError


DESCRIPTION = TextLine(__name__="description", required=False)


def type_fields(portal_type: str) -> list[tuple[str, object]]:
    """(name, field) of the type's model and of the portal's behaviors."""
    fti = getUtility(IDexterityFTI, name=portal_type)
    schemas = [fti.lookupSchema()]
    for name in fti.behaviors:
        if name.startswith("traite_portal."):
            schemas.append(lookup_behavior_registration(name).interface)
    return [pair for schema in schemas for pair in getFieldsInOrder(schema)]


def rich_fields(portal_type: str) -> list[str]:
    """The rich-text fields of a type, in schema order."""
    return [n for n, f in type_fields(portal_type) if IRichText.providedBy(f)]


def proprietary_fields(portal_type: str) -> list[tuple[str, object]]:
    """The fields written as ``<traite:field>``: description first."""
    fields = [("description", DESCRIPTION)]
    for name, field in type_fields(portal_type):
        if IRichText.providedBy(field) or IRelationList.providedBy(field):
            continue
        if name in IDENTIFIERS or name in RELATIONSHIPS:
            continue
        fields.append((name, field))
    return fields


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def field_element(name: str, field, value):
    """``<traite:field name="…">`` for a value (lists: ``<traite:value>``s)."""
    element = T.field(name=name)
    if ICollection.providedBy(field):
        for item in value or ():
            element.append(T.value(_text(item)))
    elif value is not None and value != "":
        element.text = _text(value)
    return element


def _scalar(field, text: str):
    if IBool.providedBy(field):
        if text not in ("true", "false"):
            raise ValueError(text)
        return text == "true"
    if IInt.providedBy(field):
        return int(text)
    if IDatetime.providedBy(field):
        return datetime.fromisoformat(text)
    if IDate.providedBy(field):
        return date.fromisoformat(text)
    return str(text) if field._type is not bytes else text.encode("ascii")


def _invalid(name: str, detail: str) -> AknError:
    return AknError(
        _(
            "akn_error_field_value",
            default="Valeur invalide pour le champ « ${field} » : ${detail}",
            mapping={"field": name, "detail": detail},
        )
    )


def field_value(field, element):
    """The Python value of a ``<traite:field>`` (None/[] when empty)."""
    name = element.get("name")
    try:
        if ICollection.providedBy(field):
            values = [
                _scalar(field.value_type, v.text or "")
                for v in element.iterchildren(traite("value"))
            ]
            return field._type(values) if isinstance(field._type, type) else values
        text = element.text or ""
        return _scalar(field, text) if text else None
    except ValueError as error:
        raise _invalid(name, str(error)) from None


def check_value(field, context, value) -> None:
    """Validate a value as the edit form would (vocabulary, constraints)."""
    if value is None or value == [] or value == ():
        if field.required:
            raise AknError(
                _(
                    "akn_error_field_required",
                    default="Champ obligatoire manquant : « ${field} ».",
                    mapping={"field": field.__name__},
                )
            )
        return
    try:
        field.bind(context).validate(value)
    except ValidationError as error:
        detail = error.doc() if hasattr(error, "doc") else str(error)
        raise _invalid(field.__name__, f"{detail} ({value!r})") from None
