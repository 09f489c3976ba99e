"""Which limit applies to a schema field, and what is wrong with a value of it.

One function per question, used by the form and REST validator
(``validators.py``) and by the tests, which enumerate every field of every
content type through :func:`limited_fields`.
"""

from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.interfaces import IRichTextValue
from traite_portal import _
from traite_portal.security.limits import limit
from traite_portal.security.limits import limit_message
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema.interfaces import IASCII
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import INativeStringLine
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import codecs


# Fields with a limit of their own, by dotted name of ``interface.field``.
SPECIFIC_LIMITS = {
    "plone.app.discussion.interfaces.IComment.text": "comment",
    "traite_portal.ministries.form.IStatusChange.comment": "status_comment",
}

LINE_FIELDS = (ITextLine, IASCIILine, INativeStringLine)
TEXT_FIELDS = (IText, IASCII)


def limit_name(field) -> str | None:
    """The name of the limit on one value of ``field`` (``None``: no limit)."""
    interface = getattr(field, "interface", None)
    if interface is not None:
        dotted = f"{interface.__identifier__}.{field.__name__}"
        if dotted in SPECIFIC_LIMITS:
            return SPECIFIC_LIMITS[dotted]
    if IRichText.providedBy(field):
        return "rich_text"
    if any(iface.providedBy(field) for iface in LINE_FIELDS):
        return "text_line"
    if any(iface.providedBy(field) for iface in TEXT_FIELDS):
        return "text"
    return None


def is_text_collection(field) -> bool:
    """A list, tuple or set of texts (subjects, creators…)."""
    value_type = getattr(field, "value_type", None)
    return ICollection.providedBy(field) and limit_name(value_type) is not None


def limited_fields(schema) -> dict[str, str]:
    """field name → limit name, for every field of ``schema`` with a limit."""
    result = {}
    for name in schema.names(all=True):
        field = schema[name]
        if is_text_collection(field):
            result[name] = "list_items"
        elif (name_ := limit_name(field)) is not None:
            result[name] = name_
    return result


def _length(value) -> int | None:
    if IRichTextValue.providedBy(value):
        return len(value.raw or "")
    if isinstance(value, str | bytes):
        return len(value)
    return None


def allowed_mime_types(field) -> set[str]:
    """The markups a rich text field accepts: its own list, else the site's."""
    if field.allowed_mime_types:
        return set(field.allowed_mime_types)
    site = api.portal.get_registry_record("plone.allowed_types", default=None) or ()
    default = api.portal.get_registry_record("plone.default_type", default=None)
    return {*site, field.default_mime_type, *([default] if default else [])}


def is_utf8(encoding) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except (LookupError, TypeError):
        return False


def rich_text_error(field, value, title) -> Message | None:
    """Why a rich text value's markup or encoding is refused, or ``None``."""
    if value.mimeType not in allowed_mime_types(field):
        return _(
            "error_rich_text_mime_type",
            default="« ${field} » : format inconnu « ${value} » (formats acceptés : "
            "${choices}).",
            mapping={
                "field": title,
                "value": value.mimeType,
                "choices": ", ".join(sorted(allowed_mime_types(field))),
            },
        )
    if not is_utf8(value.encoding):
        return _(
            "error_rich_text_encoding",
            default="« ${field} » : encodage inconnu « ${value} » (seul utf-8 "
            "est accepté).",
            mapping={"field": title, "value": str(value.encoding)},
        )
    return None


def value_errors(field, value, title=None) -> list[Message]:
    """What is wrong with ``value`` for ``field``: limits, markup, encoding."""
    if title is None:
        title = translate(field.title or field.__name__, context=getRequest())
    if is_text_collection(field):
        items = list(value or ())
        errors = []
        if limit("list_items").exceeded(len(items)):
            errors.append(limit_message("list_items", len(items), title))
        for item in items:
            item_errors = value_errors(field.value_type, item, title)
            if item_errors:  # one message for the list is enough
                return errors + item_errors
        return errors
    errors = []
    name = limit_name(field)
    length = _length(value)
    if name is not None and length is not None and limit(name).exceeded(length):
        errors.append(limit_message(name, length, title))
    if IRichText.providedBy(field) and IRichTextValue.providedBy(value):
        error = rich_text_error(field, value, title)
        if error is not None:
            errors.append(error)
    return errors
