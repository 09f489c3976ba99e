"""Readable titles in a site: the import and upgrade 1009 (the table's own
tests, which need no Plone, are in tests/corpus/test_readable_titles.py)."""

from plone import api
from traite_portal.corpus.html import short_title
from traite_portal.corpus.titles import CHAPTER_TITLES
from traite_portal.corpus.titles import MEASURE_TITLES
from traite_portal.upgrades import profile_version

import pytest


PROFILE = "traite_portal:default"


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
