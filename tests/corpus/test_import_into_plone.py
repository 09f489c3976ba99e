"""The corpus imported into a real Plone site: tree, fields, relations, re-import."""

from plone import api
from Products.CMFCore.indexing import processQueue
from traite_portal.corpus.citations import load_legal_texts
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.loader import default_corpus_path
from traite_portal.corpus.loader import import_corpus
from traite_portal.corpus.parser import parse_file
from traite_portal.corpus.titles import measure_title
from traite_portal.corpus.tokens import instrument_tokens

import pytest


SOURCE = default_corpus_path()
PARSED = parse_file(SOURCE)
MEASURES = PARSED.measures
# Proposals on measures and chapters, plus those on the annexes.
PROPOSALS = (
    PARSED.summary_data()["proposals"] + PARSED.summary_data()["annex_proposals"]
)


def _count(portal, portal_type=None) -> int:
    """Catalogued items of this portal (its own catalog, not the site hook's)."""
    processQueue()
    query = {"portal_type": portal_type} if portal_type else {}
    return len(portal.portal_catalog.unrestrictedSearchResults(**query))


@pytest.fixture
def imported(corpus_integration):
    """The site with the corpus imported once by the layer, and a re-import's report.

    The re-import report counts what the layer's first import wrote: every item
    is then unchanged.
    """
    portal = corpus_integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        report = import_corpus(portal, SOURCE)
    return portal, report


class TestImportTree:
    def test_plan_and_chapters(self, imported):
        portal, _ = imported
        plan = portal["plan-action-2010"]
        assert plan.portal_type == "ActionPlan"
        chapters = [plan[f"chapitre-{n}"] for n in range(1, 8)]
        assert [c.roman_number for c in chapters] == [
            "I",
            "II",
            "III",
            "IV",
            "V",
            "VI",
            "VII",
        ]
        assert all(c.findings and c.findings.raw for c in chapters[:6])

    def test_counts(self, imported):
        portal, report = imported
        assert _count(portal, "Chapter") == 7
        assert _count(portal, "Measure") == 33 == report.measures
        assert _count(portal, "Proposal") == PROPOSALS == report.proposals
        assert report.legal_texts == len(load_legal_texts())

    @pytest.mark.parametrize("parsed", MEASURES, ids=lambda m: f"mesure-{m.number}")
    def test_measure_fields(self, imported, parsed):
        (brain,) = api.content.find(
            portal_type="Measure", measure_number=parsed.number, unrestricted=True
        )
        measure = brain._unrestrictedGetObject()
        assert measure.getId() == f"mesure-{parsed.number}"
        assert measure.title == measure_title(parsed.number)
        assert measure.source_title == parsed.title
        assert measure.responsible_bodies == parsed.responsible
        assert measure.partners == parsed.partners
        assert measure.instruments == instrument_tokens(parsed.instruments)
        assert measure.deadline_start == parsed.deadline_start
        assert measure.deadline_end == parsed.deadline_end
        assert len(measure.objectIds()) == len(parsed.proposals)
        for proposal in measure.objectValues():
            assert proposal.responds_to[0].to_object == measure
            assert api.content.get_state(proposal) == "validated"

    def test_legal_texts_in_libraries(self, imported):
        portal, _ = imported
        rantsev = portal["textes"]["jurisprudence"]["cedh-rantsev-2010"]
        assert rantsev.application_numbers == ["25965/04"]
        assert api.content.get_state(rantsev) == "published"
        hits = api.content.find(legal_identifiers="32011L0036")
        assert [b.getId for b in hits] == ["dir-2011-36-ue"]

    def test_full_text_search_finds_official_text(self, imported):
        hits = api.content.find(
            SearchableText="rapporteur national", portal_type="Measure"
        )
        assert "mesure-33" in {b.getId for b in hits}


class TestRelations:
    def test_measure_cites_convention_both_ways(self, imported):
        portal, _ = imported
        convention = portal["textes"]["conventions"]["coe-convention-2005"]
        citing = api.relation.get(target=convention, relationship="cites")
        sources = {rel.from_object.getId() for rel in citing}
        assert "mesure-7" in sources
        measure = portal["plan-action-2010"]["chapitre-2"]["mesure-7"]
        assert convention in [rel.to_object for rel in measure.cites]

    def test_annex_cites_the_three_added_texts(self, imported):
        portal, _ = imported
        annex = portal["plan-action-2010"]["annexes"]
        cited = {rel.to_object.getId() for rel in annex.cites}
        assert {"un-crc-1989", "cedh-cn-v-france-2012", "dir-2011-36-ue"} <= cited
        assert len(annex.objectIds()) == len(PARSED.annex_proposals) >= 1


class TestReimport:
    def test_second_import_changes_nothing(self, imported):
        portal, second = imported
        before = _count(portal)
        assert second.counter.created == 0
        assert second.counter.deleted == 0
        assert second.counter.updated == 0
        with api.env.adopt_roles(["Manager"]):
            third = import_corpus(portal, SOURCE)
        assert _count(portal) == before
        assert third.counter.unchanged == second.counter.unchanged > 150

    def test_reimport_restores_and_keeps_user_content(self, imported):
        portal, _ = imported
        measure = portal["plan-action-2010"]["chapitre-1"]["mesure-1"]
        original = measure.title
        with api.env.adopt_roles(["Manager"]):
            measure.title = "Titre modifié"
            api.content.create(
                measure,
                "Proposal",
                id="ma-proposition",
                title="Proposition d'un utilisateur",
            )
            report = import_corpus(portal, SOURCE)
        assert measure.title == original
        assert "ma-proposition" in measure.objectIds()
        assert report.counter.updated == 1


class TestFirstImport:
    def test_first_import_creates_everything(self, integration):
        portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            first = import_corpus(portal, SOURCE)
        assert first.counter.updated == first.counter.unchanged == 0
        # plan + annex + chapters + measures + proposals + 7 libraries + texts
        expected = 2 + 7 + 33 + PROPOSALS + 7 + len(load_legal_texts())
        assert first.counter.created == expected
        assert len(portal["plan-action-2010"]["chapitre-4"].objectIds()) == 14 + len(
            PARSED.chapters[3].proposals
        )


class TestBadFile:
    @pytest.mark.parametrize("cut", [0, 0.1, 0.5, 0.9])
    def test_truncated_file_writes_nothing(self, integration, tmp_path, cut):
        portal = integration["portal"]
        text = SOURCE.read_text(encoding="utf-8")
        bad = tmp_path / "tronque.txt"
        bad.write_text(text[: int(len(text) * cut)], encoding="utf-8")
        before = _count(portal)
        with api.env.adopt_roles(["Manager"]), pytest.raises(CorpusFormatError):
            import_corpus(portal, bad)
        assert _count(portal) == before
        assert "plan-action-2010" not in portal.objectIds()
