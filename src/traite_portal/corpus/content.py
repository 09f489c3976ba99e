"""Idempotent writes: create-or-update an item by id, set fields, publish."""

from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.html import text_to_html
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IDate


class WriteCounter:
    """How many items an import created, updated, left unchanged or deleted."""

    def __init__(self) -> None:
        self.created = 0
        self.updated = 0
        self.unchanged = 0
        self.deleted = 0


def richtext(text: str) -> RichTextValue:
    """A rich-text value holding the HTML of a plain-text block."""
    return RichTextValue(text_to_html(text), "text/html", "text/x-html-safe")


def _fields(obj) -> dict:
    """Every schema field of an item (main schema and behaviors) by name."""
    fields = {}
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            fields[name] = (schema, field)
    return fields


def _same(old, new) -> bool:
    if isinstance(old, RichTextValue) and isinstance(new, RichTextValue):
        return old.raw == new.raw
    return old == new


def set_fields(obj, values: dict) -> bool:
    """Set schema fields from plain values; True when something changed.

    Unknown field names are an error: the data and the model must not drift.
    """
    fields = _fields(obj)
    changed = False
    for name, value in values.items():
        if name not in fields:
            raise CorpusFormatError(
                f"Champ inconnu « {name} » pour le type {obj.portal_type}."
            )
        schema, field = fields[name]
        if IDate.providedBy(field) and isinstance(value, str):
            value = date.fromisoformat(value) if value else None
        if isinstance(value, list) and field._type is tuple:
            value = tuple(value)
        target = schema(obj)
        if not _same(getattr(target, name, None), value):
            setattr(target, name, value)
            changed = True
    return changed


def upsert(
    container,
    portal_type: str,
    item_id: str,
    title: str,
    values: dict,
    counter: WriteCounter,
    description: str = "",
):
    """Create the item or update it in place; never a second copy."""
    obj = container.get(item_id)
    if obj is not None and obj.portal_type != portal_type:
        raise CorpusFormatError(
            f"« {item_id} » existe déjà dans {container.absolute_url_path()} "
            f"avec le type {obj.portal_type} (attendu : {portal_type})."
        )
    if obj is None:
        obj = api.content.create(
            container=container,
            type=portal_type,
            id=item_id,
            title=title,
            description=description,
            safe_id=False,
        )
        set_fields(obj, values)
        obj.reindexObject()
        counter.created += 1
        return obj
    changed = obj.title != title or obj.description != description
    obj.title = title
    obj.description = description
    changed = set_fields(obj, values) or changed
    if changed:
        notify(ObjectModifiedEvent(obj))
        counter.updated += 1
    else:
        counter.unchanged += 1
    return obj


PUBLIC_STATES = {"Proposal": "validated"}


def publish(obj) -> None:
    """Bring an item to its public state (``PUBLIC_STATES``, else "published").

    No-op when it is already there or when its workflow has no such state; a
    repealed text stays repealed (still public, no longer in force).
    """
    target = PUBLIC_STATES.get(obj.portal_type, "published")
    if api.content.get_state(obj, default=None) in (None, target, "repealed"):
        return
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(obj)
    if not any(target in workflow.states.objectIds() for workflow in workflows):
        return
    api.content.transition(obj=obj, to_state=target)


def set_relations(obj, relationship: str, targets: list) -> bool:
    """Point a relation field at exactly these targets; True when it changed.

    The zc.relation catalog is updated by the modified event, so the relation
    can then be followed from either end.
    """
    intids = getUtility(IIntIds)
    wanted = [intids.getId(t) for t in targets]
    current = [rel.to_id for rel in getattr(obj, relationship, None) or []]
    if current == wanted:
        return False
    setattr(obj, relationship, [RelationValue(i) for i in wanted])
    notify(ObjectModifiedEvent(obj))
    return True
