"""``item_to_akn(obj)``: the Akoma Ntoso 3.0 document of any portal item.

What the current user may not view is left out (a draft proposal, a private
text, a relation to one). The plan is one ``doc`` with its chapters, measures,
annexes and proposals; a library a ``documentCollection``; a chapter or a
measure a ``portion`` of the plan; the others documents of their own.
"""

from lxml import etree
from traite_portal.akn.export_documents import document_element
from traite_portal.akn.export_library import library_document
from traite_portal.akn.export_parts import plan_document
from traite_portal.akn.export_parts import portion_document
from traite_portal.akn.namespaces import A


BUILDERS = {
    "ActionPlan": plan_document,
    "TextLibrary": library_document,
    "Chapter": portion_document,
    "Measure": portion_document,
}


def item_to_element(obj):
    """The ``<akomaNtoso>`` element of an item."""
    build = BUILDERS.get(obj.portal_type, document_element)
    return A.akomaNtoso(build(obj))


def item_to_akn(obj) -> bytes:
    """The document as UTF-8 XML bytes, indented, with an XML declaration."""
    return etree.tostring(
        item_to_element(obj), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def filename(obj) -> str:
    """A file name for the document: ``<id>.akn.xml``."""
    return f"{obj.getId()}.akn.xml"
