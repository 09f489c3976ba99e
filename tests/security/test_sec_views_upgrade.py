"""Upgrade step 1004: existing sites get the undo log and user lists restricted."""

from plone import api

import pytest


PROFILE = "traite_portal:default"
# Plone's own defaults, as a site made before 1004 has them.
BEFORE = {
    "List undoable changes": ["Manager", "Site Administrator", "Member"],
    "Undo changes": ["Manager", "Site Administrator", "Owner"],
    "List portal members": ["Manager", "Site Administrator", "Member"],
}
AFTER = {
    "List undoable changes": {"Manager", "Site Administrator"},
    "Undo changes": {"Manager", "Site Administrator"},
    "List portal members": {"Manager", "Site Administrator", "Coordinator"},
}


@pytest.fixture
def site_at_1002(integration):
    portal = integration["portal"]
    for permission, roles in BEFORE.items():
        portal.manage_permission(permission, roles, acquire=1)
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1002")
    return portal


def _roles(portal, permission: str) -> set[str]:
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


class TestUpgrade1004:
    def test_step_is_registered(self, site_at_1002):
        setup = api.portal.get_tool("portal_setup")
        steps = [
            step
            for group in setup.listUpgrades(PROFILE)
            for step in (group if isinstance(group, list) else [group])
            if step["dest"] == ("1004",)
        ]
        assert [step["title"] for step in steps] == [
            "Journal des modifications et listes d'utilisateurs"
        ]

    def test_upgrade_restricts_the_undo_log_and_user_lists(self, site_at_1002):
        setup = api.portal.get_tool("portal_setup")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (
            setup.getVersionForProfile(PROFILE),
        )
        for permission, roles in AFTER.items():
            assert _roles(site_at_1002, permission) == roles, permission
