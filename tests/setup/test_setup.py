"""The add-on profile installs types, permissions, indexes and settings."""

from plone import api
from traite_portal.upgrades import profile_version

import pytest


TYPES = {
    "ActionPlan": "Plan d'action",
    "Chapter": "Chapitre",
    "Measure": "Mesure",
    "Proposal": "Proposition",
    "Annex": "Annexe",
    "TextLibrary": "Bibliothèque de textes",
    "Convention": "Convention ou protocole",
    "EuropeanText": "Texte européen",
    "NationalText": "Texte national",
    "Circular": "Circulaire",
    "CourtRuling": "Arrêt de la CEDH",
    "GretaRecommendation": "Recommandation du GRETA",
}


class TestSetup:
    @pytest.fixture(autouse=True)
    def _setup(self, integration):
        self.portal = integration["portal"]

    def test_product_installed(self, installer):
        assert installer.is_product_installed("traite_portal")

    def test_browserlayer(self, browser_layers):
        from traite_portal.interfaces import IBrowserLayer

        assert IBrowserLayer in browser_layers

    def test_profile_version(self, profile_last_version):
        assert profile_last_version("traite_portal:default") == profile_version()

    @pytest.mark.parametrize(("portal_type", "title"), TYPES.items())
    def test_fti(self, get_fti, portal_type, title):
        fti = get_fti(portal_type)
        assert fti.title == title
        assert fti.add_permission == f"traite_portal.Add{portal_type}"
        assert fti.model_file.startswith("traite_portal:content_types/")
        assert fti.lookupSchema() is not None

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_add_permission_roles(self, portal_type):
        roles = [
            r["name"]
            for r in self.portal.rolesOfPermission(f"traite_portal: Add {portal_type}")
            if r["selected"]
        ]
        assert "Manager" in roles
        assert "Site Administrator" in roles
        assert "Anonymous" not in roles

    @pytest.mark.parametrize(
        "index",
        [
            "measure_number",
            "implementation_status",
            "responsible_bodies",
            "legal_identifiers",
        ],
    )
    def test_catalog_index(self, index):
        assert index in api.portal.get_tool("portal_catalog").indexes()

    def test_large_types_not_in_navigation(self):
        displayed = api.portal.get_registry_record("plone.displayed_types")
        for portal_type in ("Proposal", "Convention", "NationalText", "Circular"):
            assert portal_type not in displayed
        for portal_type in ("ActionPlan", "Chapter", "Measure"):
            assert portal_type in displayed


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstall(self, integration, installer):
        self.portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            installer.uninstall_product("traite_portal")
        self.installer = installer

    def test_product_uninstalled(self):
        assert not self.installer.is_product_installed("traite_portal")

    def test_browserlayer_removed(self, browser_layers):
        from traite_portal.interfaces import IBrowserLayer

        assert IBrowserLayer not in browser_layers
