"""Documents of their own: legal texts (acts, judgments, statements), the
annexes (a ``doc``) and proposals (``amendment``s of the plan)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from traite_portal.akn import iri
from traite_portal.akn.body import html_of
from traite_portal.akn.body import may_view
from traite_portal.akn.body import named_text
from traite_portal.akn.body import preface
from traite_portal.akn.body import relation_blocks
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.meta import Collector
from traite_portal.akn.meta import meta
from traite_portal.akn.namespaces import A
from traite_portal.akn.richtext import html_to_blocks
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


def _conclusions(obj, collector) -> list:
    blocks = relation_blocks(obj, collector)
    return [A.conclusions(*blocks)] if blocks else []


def _texts(obj) -> list:
    kind = DOCUMENTS[obj.portal_type]
    return [named_text(obj, kind.main_text)] if kind.main_text else []


def _target_paragraph(proposal, container, container_href: str):
    """« Paragraphe visé », a ref to that paragraph of the measure when found."""
    target = " ".join((proposal.target_paragraph or "").split())
    quoted = A.span(proposal.target_paragraph, **{"class": "quotation"})
    blocks = html_to_blocks(html_of(container, "official_text"))
    for index, block in enumerate(blocks, start=1):
        if target and target in " ".join("".join(block.itertext()).split()):
            quoted = A.ref(
                proposal.target_paragraph, href=f"{container_href}__para_{index}"
            )
            break
    quoted.tail = " »"
    return A.p("Paragraphe visé : « ", quoted, **{"class": "targetParagraph"})


def _association_names() -> dict:
    factory = getUtility(IVocabularyFactory, "traite_portal.vocabularies.associations")
    return {term.value: term.title for term in factory(None)}


def _proponents(proposal, collector) -> list:
    names = _association_names()
    proponents = []
    for token in proposal.associations or ():
        eid = collector.organization(
            f"org_{token}",
            f"/ontology/organization/fr/{token}",
            names.get(token, token),
        )
        proponents.append(A.docProponent(names.get(token, token), refersTo=f"#{eid}"))
    if not proponents:
        return []
    block = A.p("Proposée par : ", **{"class": "proponents"})
    for index, proponent in enumerate(proponents):
        if index:
            block[-1].tail = " ; "
        block.append(proponent)
    return [block]


def proposal_parts(proposal, collector) -> list:
    """Preface and ``amendmentBody`` of a proposal."""
    container = aq_parent(aq_inner(proposal))
    head = preface(proposal)
    reference = []
    if may_view(container):
        href = iri.reference_iri(container)
        head.append(
            A.p(
                "Répond à : ",
                A.affectedDocument(container.Title(), href=href),
                **{"class": "target"},
            )
        )
        if proposal.target_paragraph:
            reference = [
                A.amendmentReference(_target_paragraph(proposal, container, href))
            ]
    head.extend(_proponents(proposal, collector))
    content = html_to_blocks(html_of(proposal, "text"))
    return [head, A.amendmentBody(*reference, A.amendmentContent(*content))]


def _judgment_parts(ruling) -> list:
    header = A.header(A.p(A.docTitle(ruling.Title())))
    if ruling.court:
        header.append(A.p(A.courtType(ruling.court)))
    if ruling.ecli:
        header.append(A.p(A.neutralCitation(ruling.ecli)))
    decision = [A.decision(A.p(ruling.outcome))] if ruling.outcome else []
    return [header, A.judgmentBody(A.introduction(*_texts(ruling)), *decision)]


BODY_ELEMENTS = {"act": "body", "doc": "mainBody", "statement": "mainBody"}


def document_element(obj):
    """The document of an annex, a proposal or a legal text."""
    collector = Collector()
    collector.item(obj)
    kind = DOCUMENTS[obj.portal_type]
    if kind.element == "amendment":
        parts = proposal_parts(obj, collector)
    elif kind.element == "judgment":
        parts = _judgment_parts(obj)
    else:
        body = getattr(A, BODY_ELEMENTS[kind.element])(*_texts(obj))
        parts = [preface(obj), body]
    document = getattr(A, kind.element)(
        *parts, *_conclusions(obj, collector), name=obj.portal_type
    )
    document.insert(0, meta(obj, iri.identity(obj), collector))
    return document
