"""Readable titles: the table covers the source, the import and upgrade 1009 use it."""

from difflib import SequenceMatcher
from plone import api
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.html import short_title
from traite_portal.corpus.loader import default_corpus_path
from traite_portal.corpus.parser import parse_corpus
from traite_portal.corpus.parser import parse_file
from traite_portal.corpus.titles import CHAPTER_TITLES
from traite_portal.corpus.titles import MEASURE_TITLES
from traite_portal.upgrades import profile_version

import pytest
import unicodedata


PARSED = parse_file(default_corpus_path())
PROFILE = "traite_portal:default"


def _fold(text: str) -> str:
    """Letters only, without accents or case: the words must stay the same."""
    text = text.replace("œ", "oe").replace("Œ", "OE")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


class TestTable:
    def test_every_chapter_and_measure_has_a_title(self):
        assert set(CHAPTER_TITLES) == {c.number for c in PARSED.chapters}
        assert set(MEASURE_TITLES) == {m.number for m in PARSED.measures}

    @pytest.mark.parametrize(
        ("source", "readable"),
        list(CHAPTER_TITLES.values()) + list(MEASURE_TITLES.values()),
    )
    def test_sentence_case_same_words(self, source, readable):
        assert readable[0].isupper()
        assert readable[1:] != readable[1:].upper()
        # Case and accents only, bar a few spelling fixes (« AGREE » → « agréée »,
        # « Art. » → « article »): the words stay those of the plan.
        ratio = SequenceMatcher(None, _fold(readable), _fold(source)).ratio()
        assert ratio > 0.95

    def test_changed_source_title_is_rejected(self):
        text = default_corpus_path().read_text(encoding="utf-8")
        text = text.replace("REPRIMER LES AUTEURS", "PUNIR LES AUTEURS", 1)
        with pytest.raises(CorpusFormatError, match="chapitre n° 5"):
            parse_corpus(text)


def _children(container, portal_type: str) -> list:
    return [o for o in container.objectValues() if o.portal_type == portal_type]


def _measure(portal, number: int):
    (brain,) = api.content.find(
        portal_type="Measure", measure_number=number, unrestricted=True
    )
    return brain._unrestrictedGetObject()


class TestImportedTitles:
    def test_measure_title_and_source(self, corpus_integration):
        measure = _measure(corpus_integration["portal"], 12)
        assert measure.title == (
            "Étendre la durée de la période de réflexion à trois mois contre 30 "
            "jours actuellement"
        )
        assert measure.source_title.startswith("ETENDRE LA DUREE")

    def test_proposal_title_says_where(self, corpus_integration):
        portal = corpus_integration["portal"]
        plan = portal["plan-action-2010"]
        measure = _measure(portal, 12)
        first = measure["collectif-1"]
        assert first.title == "Proposition 1 du Collectif sur la mesure 12"
        assert first.description
        assert first.description.rstrip(" …") in first.text.output
        chapter_items = [
            obj
            for chapter in _children(plan, "Chapter")
            for obj in _children(chapter, "Proposal")
        ]
        assert chapter_items
        for proposal in chapter_items:
            chapter = proposal.aq_parent
            number = proposal.getId().split("-")[1]
            assert proposal.title == (
                f"Proposition {number} du Collectif sur le chapitre "
                f"{chapter.roman_number}"
            )
        annex = plan["annexes"]["collectif-1"]
        assert annex.title == "Proposition 1 du Collectif sur les annexes"

    def test_titles_are_in_the_catalog(self, corpus_integration):
        (brain,) = api.content.find(portal_type="Chapter", getId="chapitre-4")
        assert brain.Title == "Protéger les victimes"


class TestUpgrade1009:
    @pytest.fixture
    def old_site(self, corpus_integration):
        """The site as 1002 left it: source capitals, first-sentence titles."""
        portal = corpus_integration["portal"]
        plan = portal["plan-action-2010"]
        with api.env.adopt_roles(["Manager"]):
            for chapter in _children(plan, "Chapter"):
                chapter.title = CHAPTER_TITLES[chapter.number][0]
                chapter.source_title = None
                for measure in _children(chapter, "Measure"):
                    measure.title = MEASURE_TITLES[measure.number][0]
                    measure.source_title = None
                    for proposal in _children(measure, "Proposal"):
                        proposal.title = short_title(proposal.text.output)
                        proposal.description = ""
            user_measure = _measure(portal, 3)
            user_measure.title = "Titre choisi par un éditeur"
            # 1002 had no date index and Plone's home page.
            api.portal.get_tool("portal_catalog").delIndex("legal_date")
            api.portal.get_tool("portal_types")[
                "Plone Site"
            ].default_view = "document_view"
        setup = api.portal.get_tool("portal_setup")
        setup.setLastVersionForProfile(PROFILE, "1002")
        return portal

    def test_upgrade_adds_home_page_and_date_index(self, old_site):
        with api.env.adopt_roles(["Manager"]):
            api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        fti = api.portal.get_tool("portal_types")["Plone Site"]
        assert fti.default_view == "accueil"
        (brain,) = api.content.find(getId="cedh-rantsev-2010", unrestricted=True)
        assert brain.legal_date == "2010-01-07"
        hits = api.content.find(legal_date="2010-01-07", unrestricted=True)
        assert [b.getId for b in hits] == ["cedh-rantsev-2010"]

    def test_upgrade_rewrites_titles(self, old_site):
        setup = api.portal.get_tool("portal_setup")
        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (profile_version(),)
        measure = _measure(old_site, 12)
        assert measure.title.startswith("Étendre la durée")
        assert measure.source_title.startswith("ETENDRE LA DUREE")
        proposal = measure["collectif-2"]
        assert proposal.title == "Proposition 2 du Collectif sur la mesure 12"
        assert proposal.description
        (brain,) = api.content.find(UID=measure.UID())
        assert brain.Title == measure.title
        chapter = old_site["plan-action-2010"]["chapitre-6"]
        assert chapter.title.startswith("Coopérer avec les États")

    def test_upgrade_keeps_an_editor_title(self, old_site):
        with api.env.adopt_roles(["Manager"]):
            api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        assert _measure(old_site, 3).title == "Titre choisi par un éditeur"

    def test_upgrade_twice_changes_nothing(self, old_site):
        setup = api.portal.get_tool("portal_setup")
        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE)
            titles = {
                b.getPath(): b.Title for b in api.content.find(portal_type="Proposal")
            }
            setup.setLastVersionForProfile(PROFILE, "1002")
            setup.upgradeProfile(PROFILE)
        after = {b.getPath(): b.Title for b in api.content.find(portal_type="Proposal")}
        assert after == titles
