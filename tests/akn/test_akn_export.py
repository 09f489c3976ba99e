"""Every portal type exports as a schema-valid Akoma Ntoso 3.0 document.

Types are read from the types tool, items from the imported corpus; the
plan is one ``doc`` (chapters, measures with their paragraphs, annexes and
proposals as attachments), each library a ``documentCollection``.
"""

from akn_sites import as_admin
from akn_sites import document_of
from akn_sites import eids
from akn_sites import refs
from akn_sites import text
from akn_sites import valid_root
from plone import api
from traite_portal.akn import iri
from traite_portal.akn.export import item_to_akn
from traite_portal.akn.fields import rich_fields
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.kinds import IDENTIFIERS
from traite_portal.akn.kinds import PARTS
from traite_portal.akn.namespaces import akn
from traite_portal.akn.namespaces import local_name
from traite_portal.akn.richtext import html_to_blocks
from traite_portal.behaviors.relations import RELATIONSHIPS

import pytest


PLAN = "plan-action-2010"


def portal_types() -> list[str]:
    """The add-on's content types, from the types tool."""
    tool = api.portal.get_tool("portal_types")
    return sorted(
        fti.getId()
        for fti in tool.listTypeInfo()
        if getattr(fti, "klass", "").startswith("traite_portal.")
    )


@pytest.fixture
def portal(corpus_integration):
    as_admin(corpus_integration)
    return corpus_integration["portal"]


@pytest.fixture
def plan_root(portal):
    return valid_root(item_to_akn(portal[PLAN]))


class TestAknExport:
    """One class: the corpus layer is set up once for all these tests."""

    def test_every_type_has_an_export(self, portal):
        assert len(portal_types()) == 12
        assert set(portal_types()) == set(DOCUMENTS) | set(PARTS)

    def test_one_item_of_each_type_validates(self, portal):
        for portal_type in portal_types():
            brain = api.content.find(portal_type=portal_type, sort_on="path")[0]
            document = document_of(valid_root(item_to_akn(brain.getObject())))
            if portal_type in PARTS:
                assert local_name(document) == "portion"
            else:
                assert local_name(document) == DOCUMENTS[portal_type].element
                assert document.get("name") == portal_type

    def test_every_library_validates(self, portal):
        libraries = api.content.find(portal_type="TextLibrary")
        assert len(libraries) == 7
        for brain in libraries:
            library = brain.getObject()
            body = document_of(valid_root(item_to_akn(library))).find(
                akn("collectionBody")
            )
            assert len(body) == len(library.objectIds())

    def test_chapters_and_measures_have_eids_from_numbers(self, portal, plan_root):
        found = eids(plan_root)
        chapters = [e for e in found if e.startswith("chp_") and "__" not in e]
        measures = [e for e in found if e.startswith("measure_") and "__" not in e]
        assert chapters == [f"chp_{n}" for n in range(1, 8)]
        assert measures == [f"measure_{n}" for n in range(1, 34)]

    def test_official_text_paragraph_by_paragraph(self, portal, plan_root):
        counted = 0
        for brain in api.content.find(portal_type="Measure"):
            measure = brain.getObject()
            (element,) = plan_root.iterfind(
                f".//{akn('hcontainer')}[@eId='measure_{measure.number}']"
            )
            paragraphs = list(element.iterchildren(akn("paragraph")))
            html = measure.official_text.raw if measure.official_text else ""
            blocks = html_to_blocks(html)
            assert len(paragraphs) == len(blocks)
            counted += len(blocks)
            assert [p.get("eId") for p in paragraphs] == [
                f"measure_{measure.number}__para_{i}" for i in range(1, len(blocks) + 1)
            ]
        assert counted > 33

    def test_annexes_and_proposals_are_attachments(self, portal, plan_root):
        attached = [
            document_of(attachment) for attachment in plan_root.iter(akn("attachment"))
        ]
        kinds = [document.get("name") for document in attached]
        assert kinds.count("Annex") == 1
        proposals = api.content.find(portal_type="Proposal")
        assert kinds.count("Proposal") == len(proposals) == 112

    def test_proposals_reference_what_they_answer(self, portal, plan_root):
        answered = {
            text(document.find(f".//{akn('docTitle')}")): document.find(
                f".//{akn('affectedDocument')}"
            )
            for document in plan_root.iter(akn("amendment"))
        }
        for brain in api.content.find(portal_type="Proposal"):
            proposal = brain.getObject()
            container = proposal.aq_parent
            target = answered[proposal.Title()]
            assert target.get("href") == iri.reference_iri(container)

    def test_a_target_paragraph_is_referenced(self, portal, plan_root):
        (brain,) = [
            b
            for b in api.content.find(portal_type="Proposal")
            if b.getObject().target_paragraph
            and b.getObject().aq_parent.portal_type == "Measure"
        ]
        proposal = brain.getObject()
        measure = proposal.aq_parent
        (amendment,) = [
            a
            for a in plan_root.iter(akn("amendment"))
            if text(a.find(f".//{akn('docTitle')}")) == proposal.Title()
        ]
        (ref,) = amendment.iter(akn("amendmentReference"))
        href = ref.find(f".//{akn('ref')}").get("href")
        assert href == f"{iri.reference_iri(measure)}__para_1"
        assert f"measure_{measure.number}__para_1" in eids(plan_root)

    def test_identifiers_are_frbr_aliases(self, portal):
        checked = 0
        for brain in api.content.find(portal_type=list(DOCUMENTS)):
            obj = brain.getObject()
            root = valid_root(item_to_akn(obj))
            work = document_of(root).find(f"{akn('meta')}//{akn('FRBRWork')}")
            aliases = {
                a.get("name"): a.get("value") for a in work.iter(akn("FRBRalias"))
            }
            for name, label in IDENTIFIERS.items():
                value = getattr(obj, name, None)
                if value:
                    assert aliases[label] == value
                    checked += 1
        assert checked >= 8

    def test_relations_are_refs_with_references(self, portal):
        checked = 0
        for brain in api.content.find(portal_type=portal_types()):
            obj = brain.getObject()
            if obj.portal_type in ("ActionPlan", "TextLibrary"):
                continue
            root = valid_root(item_to_akn(obj))
            document = document_of(root)
            holder = document.find(akn("conclusions"))
            if obj.portal_type in PARTS:  # the part's own wrapUp
                (part,) = document.find(akn("portionBody"))
                holder = part.find(akn("wrapUp"))
            tlcs = {t.get("href") for t in root.iter(akn("TLCReference"))}
            for relationship in RELATIONSHIPS:
                wanted = [
                    iri.reference_iri(r.to_object)
                    for r in getattr(obj, relationship, None) or []
                ]
                found = refs(holder, relationship) if holder is not None else []
                assert found == wanted, (obj.absolute_url(), relationship)
                assert set(wanted) <= tlcs
                checked += len(wanted)
        assert checked > 100

    def test_every_local_reference_names_an_eid(self, portal, plan_root):
        known = set(eids(plan_root))
        for element in plan_root.iter():
            for value in (element.get("refersTo") or "").split():
                assert value[1:] in known
            for name in ("href", "source"):
                value = element.get(name) or ""
                if value.startswith("#"):
                    assert value[1:] in known, value

    def test_a_renamed_and_moved_measure_keeps_its_eids(self, portal):
        plan = portal[PLAN]
        (brain,) = api.content.find(portal_type="Measure", measure_number=12)
        measure = brain.getObject()
        before = item_to_akn(measure)
        chapter = measure.aq_parent
        api.content.rename(obj=measure, new_id="renommee")
        measure = chapter["renommee"]
        measure.title = "Un tout autre titre"
        other = next(c for c in plan.objectValues() if c not in (chapter,))
        moved = api.content.move(source=measure, target=other)
        after = item_to_akn(moved)
        assert eids(valid_root(after)) == eids(valid_root(before))
        root = valid_root(item_to_akn(plan))
        affected = {a.get("href") for a in root.iter(akn("affectedDocument"))}
        assert f"{iri.reference_iri(plan)}/~measure_12" in affected

    def test_rich_fields_of_chapters_are_named_containers(self, portal, plan_root):
        for name in rich_fields("Chapter"):
            assert (
                plan_root.find(f".//{akn('hcontainer')}[@eId='chp_1__{name}']")
                is not None
            )


class TestAknDates:
    """The dates of an export are the item's, never the day of the export."""

    def test_expression_and_manifestation_dates_are_the_modification(self, portal):
        from DateTime import DateTime

        circular = api.content.find(portal_type="Circular", sort_on="path")[0]
        item = circular.getObject()
        item.setModificationDate(DateTime("2019-03-14T10:00:00+00:00"))
        root = valid_root(item_to_akn(item))
        dates = {
            local_name(element.getparent()): element.get("date")
            for element in root.iter(akn("FRBRdate"))
        }
        assert dates["FRBRExpression"] == "2019-03-14"
        assert dates["FRBRManifestation"] == "2019-03-14"
        assert item_to_akn(item) == item_to_akn(item)  # same bytes again
