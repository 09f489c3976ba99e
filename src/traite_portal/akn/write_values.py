"""The values an import writes: validated as the edit form would, rich text
wrapped, protected fields checked against their write permission."""

from AccessControl import getSecurityManager
from lxml import etree
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.interfaces import IDexterityFTI
from plone.supermodel.utils import mergedTaggedValueDict
from traite_portal import _
from traite_portal.akn.errors import AknError
from traite_portal.akn.fields import check_value
from traite_portal.akn.fields import DESCRIPTION
from traite_portal.akn.fields import type_fields
from traite_portal.akn.iri import own
from traite_portal.akn.richtext import html_to_blocks
from zope.component import getUtility
from zope.component import queryUtility
from zope.security.interfaces import IPermission


def error(msgid: str, default: str, status: int = 400, **mapping) -> AknError:
    """An ``AknError`` with a French message id and its mapping."""
    return AknError(_(msgid, default=default, mapping=mapping), status=status)


def prepared_values(item, container) -> dict:
    """The item's values, validated as the edit form would; rich text wrapped."""
    if not item.title:
        raise error(
            "akn_error_no_title",
            "Document sans titre (${type}).",
            type=item.portal_type,
        )
    values = {}
    for name, field in [("description", DESCRIPTION), *type_fields(item.portal_type)]:
        if IRichText.providedBy(field):
            html = item.values.get(name)
            if field.required and not html:
                raise error(
                    "akn_error_field_required",
                    "Champ obligatoire manquant : « ${field} ».",
                    field=name,
                )
            values[name] = (
                RichTextValue(html, "text/html", "text/x-html-safe") if html else None
            )
        elif name in item.values:
            check_value(field, container, item.values[name])
            values[name] = item.values[name]
        elif field.required and item.id is None:
            check_value(field, container, None)
    if "description" in values:  # Dublin Core wants text, never None
        values["description"] = values["description"] or ""
    return values


def _blocks(value) -> list[bytes]:
    raw = value.raw if isinstance(value, RichTextValue) else None
    return [etree.tostring(block) for block in html_to_blocks(raw)]


def keep_same_texts(obj, values: dict) -> None:
    """Keep a rich text whose blocks are the same: only its HTML spelling differs."""
    for name, value in values.items():
        old = own(obj, name)
        if isinstance(old, RichTextValue) and _blocks(old) == _blocks(value):
            values[name] = old


def check_protected_fields(portal_type: str, context, values: dict, obj=None):
    """Fields with their own write permission (a measure's status): a change
    of their value (from the current one, or from the default) needs it."""
    schema = getUtility(IDexterityFTI, name=portal_type).lookupSchema()
    protected = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
    for name, permission_id in protected.items():
        if name not in values:
            continue
        before = own(obj, name) if obj is not None else schema[name].default
        if values[name] == before:
            continue
        permission = queryUtility(IPermission, name=permission_id)
        title = permission.title if permission is not None else permission_id
        if not getSecurityManager().checkPermission(title, context):
            raise error(
                "akn_error_field_permission",
                "Vous n'avez pas le droit de modifier le champ « ${field} ».",
                status=403,
                field=name,
            )
