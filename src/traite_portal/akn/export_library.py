"""A text library as a ``documentCollection``: one component per item.

Sub-libraries are collections of their own, nested; every legal text the
caller may view is embedded whole (sorted by id: libraries are unordered).
"""

from traite_portal.akn import iri
from traite_portal.akn.body import preface
from traite_portal.akn.body import visible_children
from traite_portal.akn.embed import embed
from traite_portal.akn.export_documents import document_element
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.meta import Collector
from traite_portal.akn.meta import meta
from traite_portal.akn.namespaces import A


EMPTY = "Bibliothèque vide."


def library_document(library):
    """``<documentCollection name="TextLibrary">`` of its visible items."""
    collector = Collector()
    collector.item(library)
    components = []
    for index, child in enumerate(visible_children(library, tuple(DOCUMENTS)), start=1):
        if child.portal_type == "TextLibrary":
            inner = library_document(child)
        else:
            inner = document_element(child)
        components.append(embed(inner, "component", f"cmp_{index}"))
    if not components:  # the schema wants one component at least
        components.append(A.component(A.interstitial(A.p(EMPTY)), eId="cmp_0"))
    document = A.documentCollection(
        preface(library), A.collectionBody(*components), name=library.portal_type
    )
    document.insert(0, meta(library, iri.identity(library), collector))
    return document
