"""Upgrade step 1013: an existing site gets the search server's settings,
empty (the catalog keeps serving)."""

from plone import api
from plone.registry.interfaces import IRegistry
from traite_portal.search.backends.server.settings import ENVIRONMENT
from traite_portal.search.backends.server.settings import ISearchServerSettings
from traite_portal.search.backends.server.settings import read_settings
from traite_portal.search.backends.server.settings import REGISTRY_PREFIX
from zope.component import getUtility

import pytest


PROFILE = "traite_portal:default"


@pytest.fixture
def site_at_1010(integration, monkeypatch):
    for variable in ENVIRONMENT.values():
        monkeypatch.delenv(variable, raising=False)
    registry = getUtility(IRegistry)
    for name in ENVIRONMENT:
        del registry.records[f"{REGISTRY_PREFIX}.{name}"]
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1010")
    return integration["portal"]


def test_step_is_registered(site_at_1010):
    setup = api.portal.get_tool("portal_setup")
    steps = [
        step
        for group in setup.listUpgrades(PROFILE)
        for step in (group if isinstance(group, list) else [group])
        if step["dest"] == ("1013",)
    ]
    assert [step["title"] for step in steps] == ["Réglages du serveur de recherche"]


def test_upgrade_adds_every_setting_and_the_catalog_serves(site_at_1010):
    registry = getUtility(IRegistry)
    assert not any(k.startswith(REGISTRY_PREFIX) for k in registry.records.keys())
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (
        setup.getVersionForProfile(PROFILE),
    )
    for name in ISearchServerSettings.names():
        record = registry.records[f"{REGISTRY_PREFIX}.{name}"]
        assert record.value == ISearchServerSettings[name].default, name
    assert read_settings() is None
