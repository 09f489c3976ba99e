"""The French lexicon element: registered, installed by the profile, kept by
imports, next to other elements; upgrade 1010 brings it to existing sites."""

from plone import api
from Products.ZCTextIndex.PipelineFactory import element_factory
from traite_portal.search.lexicon import ELEMENT_GROUP
from traite_portal.search.lexicon import ELEMENT_NAME
from traite_portal.search.lexicon import FrenchAnalysis
from traite_portal.search.lexicon import has_french_analysis
from traite_portal.search.lexicon import install_french_analysis
from traite_portal.search.lexicon import LEXICON_ID
from traite_portal.search.lexicon import text_indexes
from traite_portal.search.lexicon import uninstall_french_analysis
from traite_portal.upgrades.v1010 import SEARCH_INDEXES

import io
import pytest
import tarfile


PROFILE = "traite_portal:default"


def _tar_member(tarball: bytes, name: str) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
        return archive.extractfile(name).read()


@pytest.fixture
def catalog(integration):
    return api.portal.get_tool("portal_catalog")


@pytest.fixture
def measure(integration, create_measure):
    return create_measure(
        integration["portal"],
        title="Protéger les victimes étrangères",
        description="Lutter contre l’exploitation.",
    )


def found(catalog, **query) -> set[str]:
    return {brain.getId for brain in catalog.unrestrictedSearchResults(**query)}


class TestElement:
    def test_registered_with_zctextindex(self):
        assert ELEMENT_NAME in element_factory.getFactoryNames(ELEMENT_GROUP)
        assert isinstance(
            element_factory.instantiate(ELEMENT_GROUP, ELEMENT_NAME), FrenchAnalysis
        )

    def test_installed_last_in_the_plone_lexicon(self, catalog):
        pipeline = catalog[LEXICON_ID]._pipeline
        assert isinstance(pipeline[-1], FrenchAnalysis)
        assert len(pipeline) >= 3  # Plone's splitter and normaliser stay
        assert set(text_indexes(catalog)) >= {"SearchableText", "Title", "Description"}

    @pytest.mark.parametrize(
        ("index", "query"),
        [
            ("SearchableText", "protection"),
            ("SearchableText", "victime etrangere"),
            ("Title", "PROTECTION"),
            ("Description", "exploitations"),
            ("SearchableText", "l'exploitation"),
            ("SearchableText", "exploit*"),
            # Plone's @@search adds « * » to every word it is given.
            ("SearchableText", "Protéger* victimes*"),
            ("SearchableText", "protections* etrangere*"),
            ("SearchableText", '"victime étrangère"'),
        ],
    )
    def test_plone_catalog_queries_are_french(self, catalog, measure, index, query):
        # Plone's own @search and @@search read the same indexes.
        assert "m" in found(catalog, **{index: query})

    def test_catalog_import_keeps_the_words(self, catalog, measure):
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile(f"profile-{PROFILE}", "catalog")
        assert has_french_analysis(catalog)
        assert "m" in found(catalog, SearchableText="protection")

    def test_catalog_export_names_the_element(self, catalog):
        # GenericSetup finds the element by its registration to export it.
        setup = api.portal.get_tool("portal_setup")
        result = setup.runExportStep("catalog")
        assert ELEMENT_NAME.encode() in _tar_member(result["tarball"], "catalog.xml")

    def test_other_elements_are_kept(self, catalog, measure):
        # Another branch adds its own element (a token length bound): both
        # stay, whichever is installed first.
        uninstall_french_analysis(catalog)
        lexicon = catalog[LEXICON_ID]
        other = element_factory.instantiate(
            "Stop Words", "Remove listed stop words only"
        )
        lexicon._pipeline = (*lexicon._pipeline, other)
        assert install_french_analysis(catalog) is True
        assert lexicon._pipeline[-2] is other
        assert isinstance(lexicon._pipeline[-1], FrenchAnalysis)
        assert install_french_analysis(catalog) is False

    def test_uninstall_takes_it_out(self, catalog, measure):
        assert uninstall_french_analysis(catalog) is True
        assert not has_french_analysis(catalog)
        assert "m" not in found(catalog, SearchableText="protection")
        assert "m" in found(catalog, SearchableText="Protéger")


class TestUpgrade1010:
    @pytest.fixture
    def site_at_1002(self, catalog, measure):
        uninstall_french_analysis(catalog)
        for name in SEARCH_INDEXES:
            catalog.delIndex(name)
        api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1002")
        return catalog

    def test_steps(self, site_at_1002):
        setup = api.portal.get_tool("portal_setup")
        steps = [
            s
            for group in setup.listUpgrades(PROFILE)
            for s in (group if isinstance(group, list) else [group])
        ]
        assert [s["title"] for s in steps if s["ssource"] == "1009"] == [
            "Index, registre, permissions et panneau de la recherche",
            "Analyse française et reconstruction des index",
        ]

    def test_upgrade_rebuilds_the_indexes(self, site_at_1002):
        catalog = site_at_1002
        setup = api.portal.get_tool("portal_setup")
        setup.upgradeProfile(PROFILE)
        assert has_french_analysis(catalog)
        assert "m" in found(catalog, SearchableText="protection")
        assert "m" in found(catalog, search_identifiers="measure:1")
        assert "m" in found(catalog, search_chapter=1)
        assert setup.getLastVersionForProfile(PROFILE) == (
            setup.getVersionForProfile(PROFILE),
        )
