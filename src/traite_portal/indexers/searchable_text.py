"""Full text of the portal's items: every text field of the schema.

Dexterity only indexes title and description by default; jurists search the
official texts, the findings, the proposals and the legal identifiers too.
"""

from plone.app.textfield.interfaces import IRichTextValue
from plone.dexterity.utils import iterSchemata
from plone.indexer import indexer
from traite_portal.interfaces import ITraiteContent
from zope.schema import getFieldsInOrder

import html
import re


_TAGS = re.compile(r"<[^>]+>")


def plain_text(value) -> str:
    """Plain text of a field value (rich text, text line, list of strings)."""
    if IRichTextValue.providedBy(value):
        return html.unescape(_TAGS.sub(" ", value.raw or ""))
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, set)):
        return " ".join(v for v in value if isinstance(v, str))
    return ""


def text_parts(obj) -> list[str]:
    """Every non-empty textual value of the item's schemata, in schema order."""
    parts = [obj.Title(), obj.Description()]
    for schema in iterSchemata(obj):
        for name, _field in getFieldsInOrder(schema):
            if name in ("title", "description"):
                continue
            value = getattr(schema(obj, None) or obj, name, None)
            parts.append(plain_text(value))
    return [p.strip() for p in parts if p and p.strip()]


@indexer(ITraiteContent)
def searchable_text(obj) -> str:
    """SearchableText: all text of the item, whitespace normalised."""
    return " ".join(" ".join(text_parts(obj)).split())
