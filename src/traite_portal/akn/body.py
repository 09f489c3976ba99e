"""Pieces of a document's body: texts paragraph by paragraph, relations as refs."""

from AccessControl import getSecurityManager
from traite_portal.akn import iri
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.kinds import PARTS
from traite_portal.akn.kinds import RELATION_LABELS
from traite_portal.akn.namespaces import A
from traite_portal.akn.richtext import html_to_blocks
from traite_portal.behaviors.relations import RELATIONSHIPS


def may_view(obj) -> bool:
    """Whether the current user holds View on an item."""
    return bool(getSecurityManager().checkPermission("View", obj))


def visible_children(container, portal_types: tuple[str, ...]) -> list:
    """The children of these types the current user may view, in folder order.

    Unordered containers (text libraries) give their items sorted by id.
    """
    children = [
        child
        for child in container.objectValues()
        if child.portal_type in portal_types and may_view(child)
    ]
    if container.portal_type == "TextLibrary":
        children.sort(key=lambda child: child.getId())
    return children


def html_of(obj, name: str) -> str:
    value = iri.own(obj, name)
    return value.raw if value is not None and value.raw else ""


def paragraphs(obj, name: str, parent_eid: str) -> list:
    """One ``<paragraph>`` per block of a rich-text field."""
    return [
        A.paragraph(A.content(block), eId=iri.paragraph_eid(parent_eid, index))
        for index, block in enumerate(html_to_blocks(html_of(obj, name)), start=1)
    ]


def named_text(obj, name: str, parent_eid: str = ""):
    """A rich-text field as ``<hcontainer name="<field>">`` of paragraphs."""
    eid = f"{parent_eid}__{name}" if parent_eid else name
    return A.hcontainer(*paragraphs(obj, name, eid), name=name, eId=eid)


def _target_name(target) -> str:
    if target.portal_type in PARTS:
        return target.portal_type.lower()
    return DOCUMENTS[target.portal_type].element


def relation_targets(obj, relationship: str) -> list:
    """The items a relation points at that the user may view and AKN can name."""
    targets = []
    for relation in iri.own(obj, relationship) or []:
        target = None if relation.isBroken() else relation.to_object
        if target is None or not may_view(target):
            continue
        if target.portal_type in DOCUMENTS or target.portal_type in PARTS:
            targets.append(target)
    return targets


def relation_blocks(obj, collector) -> list:
    """``<p class="cites">Textes cités : <ref …/>; …</p>``, one per relation."""
    blocks = []
    for relationship in RELATIONSHIPS:
        targets = relation_targets(obj, relationship)
        if not targets:
            continue
        block = A.p(RELATION_LABELS[relationship], **{"class": relationship})
        for index, target in enumerate(targets):
            href = iri.reference_iri(target)
            eid = collector.reference(href, target.Title(), _target_name(target))
            ref = A.ref(target.Title(), href=href, refersTo=f"#{eid}")
            if index:
                block[-1].tail = " ; "
            block.append(ref)
        blocks.append(block)
    return blocks


def preface(obj):
    """Title and description, as every standalone document starts."""
    blocks = [A.p(A.docTitle(obj.Title()))]
    if obj.Description():
        blocks.append(A.longTitle(A.p(obj.Description())))
    return A.preface(*blocks)
