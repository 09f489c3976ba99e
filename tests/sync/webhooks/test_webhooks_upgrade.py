"""Upgrade 1014 brings webhooks to an existing site (at 1013): the role
WebhookClient, the permission « Manage webhooks », the settings (no host
allowed) and the « Webhooks » panel."""

from AccessControl.Permission import getPermissionIdentifier
from plone import api
from traite_portal.webhooks.settings import IWebhookSettings
from traite_portal.webhooks.settings import PREFIX

import pytest


PROFILE = "traite_portal:default"
PERMISSION = "traite_portal: Manage webhooks"
ROLE = "WebhookClient"
PANEL = "traite-webhooks"


def roles_with_permission(portal) -> set[str]:
    return set(getattr(portal, getPermissionIdentifier(PERMISSION), ()))


def upgrade_steps(setup) -> list[dict]:
    return [
        step
        for group in setup.listUpgrades(PROFILE)
        for step in (group if isinstance(group, list) else [group])
    ]


@pytest.fixture
def site_before_1014(integration):
    """The site as 1013 left it: no role, permission, settings nor panel."""
    portal = integration["portal"]
    portal.manage_permission(PERMISSION, [], acquire=True)
    portal.__ac_roles__ = tuple(r for r in portal.__ac_roles__ if r != ROLE)
    registry = api.portal.get_tool("portal_registry")
    for name in IWebhookSettings:
        del registry.records[f"{PREFIX}.{name}"]
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet(PANEL)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1013")
    return portal


def test_the_step(site_before_1014):
    setup = api.portal.get_tool("portal_setup")
    steps = upgrade_steps(setup)
    assert [(s["ssource"], s["sdest"]) for s in steps] == [("1013", "1014")]
    assert [s["title"] for s in steps] == [
        "Webhooks : permission, rôle, réglages et panneau"
    ]


def test_upgrade_adds_role_permission_settings_panel(site_before_1014):
    portal = site_before_1014
    assert ROLE not in portal.validRoles()
    assert roles_with_permission(portal) == set()
    setup = api.portal.get_tool("portal_setup")

    setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == ("1014",)
    assert setup.getVersionForProfile(PROFILE) == "1014"
    assert ROLE in portal.validRoles()
    assert roles_with_permission(portal) == {
        "Coordinator",
        "Manager",
        "Site Administrator",
        ROLE,
    }
    for name in IWebhookSettings:
        value = api.portal.get_registry_record(f"{PREFIX}.{name}")
        assert value == IWebhookSettings[name].default, name
    assert api.portal.get_registry_record(f"{PREFIX}.allowed_hosts") == []
    panels = api.portal.get_tool("portal_controlpanel").listActions()
    (panel,) = [action for action in panels if action.getId() == PANEL]
    assert panel.permissions == (PERMISSION,)
