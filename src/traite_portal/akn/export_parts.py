"""The plan as one ``doc``: chapters and measures as hierarchical elements.

Measures keep their official text paragraph by paragraph; the annexes and
the proposals the caller may view follow as attachments. A chapter or a
measure exported alone is a ``portion`` of the plan, with the same eIds.
"""

from traite_portal.akn import iri
from traite_portal.akn.body import named_text
from traite_portal.akn.body import paragraphs
from traite_portal.akn.body import preface
from traite_portal.akn.body import relation_blocks
from traite_portal.akn.body import visible_children
from traite_portal.akn.embed import embed
from traite_portal.akn.export_documents import document_element
from traite_portal.akn.fields import rich_fields
from traite_portal.akn.kinds import MEASURE_NAME
from traite_portal.akn.meta import Collector
from traite_portal.akn.meta import meta
from traite_portal.akn.namespaces import A


MEASURE_TEXT = "official_text"


def _wrap_up(obj, collector) -> list:
    blocks = relation_blocks(obj, collector)
    return [A.wrapUp(*blocks)] if blocks else []


def measure_element(measure, collector):
    """``<hcontainer name="measure" eId="measure_<n>">`` with its paragraphs."""
    eid = iri.part_eid(measure)
    collector.item(measure, href=f"#{eid}")
    others = [n for n in rich_fields("Measure") if n != MEASURE_TEXT]
    return A.hcontainer(
        A.num(str(measure.number)),
        A.heading(measure.Title()),
        *paragraphs(measure, MEASURE_TEXT, eid),
        *(named_text(measure, name, eid) for name in others),
        *_wrap_up(measure, collector),
        name=MEASURE_NAME,
        eId=eid,
    )


def chapter_element(chapter, collector):
    """``<chapter eId="chp_<n>">``: its texts, then its measures."""
    eid = iri.part_eid(chapter)
    collector.item(chapter, href=f"#{eid}")
    return A.chapter(
        A.num(chapter.roman_number or str(chapter.number)),
        A.heading(chapter.Title()),
        *(named_text(chapter, name, eid) for name in rich_fields("Chapter")),
        *(
            measure_element(measure, collector)
            for measure in visible_children(chapter, ("Measure",))
        ),
        *_wrap_up(chapter, collector),
        eId=eid,
    )


def _attached(plan) -> list:
    """The annexes and every proposal of the plan the user may view."""
    found = []

    def walk(container):
        for child in visible_children(container, ("Chapter", "Measure", "Annex")):
            if child.portal_type == "Annex":
                found.append(child)
            walk(child)
        found.extend(visible_children(container, ("Proposal",)))

    walk(plan)
    return [
        embed(document_element(item), "attachment", f"att_{index}")
        for index, item in enumerate(found, start=1)
    ]


def plan_document(plan):
    """The whole plan as one ``<doc name="ActionPlan">``."""
    collector = Collector()
    collector.item(plan)
    body = A.mainBody(
        *(named_text(plan, name) for name in rich_fields("ActionPlan")),
        *(
            chapter_element(chapter, collector)
            for chapter in visible_children(plan, ("Chapter",))
        ),
    )
    attachments = _attached(plan)
    document = A.doc(preface(plan), body, name=plan.portal_type)
    if attachments:
        document.append(A.attachments(*attachments))
    document.insert(0, meta(plan, iri.identity(plan), collector))
    return document


def portion_document(part):
    """A chapter or a measure alone: a ``portion`` of its plan."""
    collector = Collector()
    build = chapter_element if part.portal_type == "Chapter" else measure_element
    element = build(part, collector)
    identity = iri.identity(part)
    return A.portion(
        meta(part, identity, collector),
        A.portionBody(element),
        includedIn=f"{identity.work}/!main",
    )
