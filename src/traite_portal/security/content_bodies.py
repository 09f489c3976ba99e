"""The body of a REST content write (POST to a folder, PATCH of an item).

Every key that names a field of the item's schemas gets its JSON type
checked (``json_types``), then its length and markup (``fields``), before
plone.restapi deserializes anything.
"""

from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from plone.dexterity.utils import iterSchemataForType
from traite_portal import _
from traite_portal.security.fields import value_errors
from traite_portal.security.json_types import json_type_error
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema import getFields


def _python_value(field, value):
    """What the limits are checked on: a rich text's JSON becomes its value."""
    if not IRichText.providedBy(field):
        return value
    if isinstance(value, str):
        value = {"data": value}
    return RichTextValue(
        raw=value["data"],
        mimeType=value.get("content-type") or field.default_mime_type,
        outputMimeType=field.output_mime_type,
        encoding=value.get("encoding") or "utf-8",
    )


def body_errors(schemata, data: dict) -> list[Message]:
    """What is wrong with the fields named in ``data`` (parsed JSON)."""
    errors = []
    for schema in schemata:
        for name, field in getFields(schema).items():
            if data.get(name) is None:  # absent, or null: restapi's own rules
                continue
            title = translate(field.title or name, context=getRequest())
            error = json_type_error(field, data[name], title)
            if error is not None:
                errors.append(error)
                continue
            errors.extend(value_errors(field, _python_value(field, data[name]), title))
    return errors


def content_write_errors(context, data, adding: bool) -> list[Message]:
    """Errors of a POST (``adding``: the type named by ``@type``) or a PATCH."""
    if not isinstance(data, dict):
        return [
            _(
                "error_body_not_object",
                default="Corps de la requête invalide : un objet JSON est attendu.",
            )
        ]
    if not adding:
        return body_errors(iterSchemata(context), data)
    type_name = data.get("@type")
    if not isinstance(type_name, str) or not type_name:
        return [
            _(
                "error_body_type_missing",
                default="« @type » est obligatoire : le nom d'un type de contenu.",
            )
        ]
    try:
        schemata = list(iterSchemataForType(type_name))
    except (KeyError, AttributeError, ValueError):
        return []  # an unknown type: plone.restapi answers it (400)
    return body_errors(schemata, data)
