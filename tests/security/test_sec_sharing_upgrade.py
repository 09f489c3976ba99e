"""Upgrade 1002 → 1003: existing items follow the new sharing rules."""

from plone import api
from Products.DCWorkflow.utils import modifyRolesForPermission
from traite_portal.upgrades import profile_version

import pytest


PROFILE = "traite_portal:default"
NEW_PERMISSIONS = (
    "Change local roles",
    "Sharing page: Delegate roles",
    "traite_portal: Modify proposal authors",
)


@pytest.fixture
def site_at_1002(integration, create_measure):
    """A draft proposal as version 1002 left it: its owner shares it."""
    portal = integration["portal"]
    measure = create_measure(portal)
    with api.env.adopt_roles(["Manager"]):
        proposal = api.content.create(measure, "Proposal", id="p", title="P")
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow_id in ("traite_proposal_workflow", "traite_legal_text_workflow"):
        definition = workflow_tool[workflow_id]
        definition.permissions = tuple(
            p for p in definition.permissions if p not in NEW_PERMISSIONS
        )
    for permission in NEW_PERMISSIONS:  # acquired again, as before 1003
        modifyRolesForPermission(proposal, permission, [])
    portal.manage_permission("traite_portal: Delegate Collectif roles", [], 1)
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1002")
    return portal, proposal


def _roles_of(obj, permission: str) -> set[str]:
    return {r["name"] for r in obj.rolesOfPermission(permission) if r["selected"]}


def _may(role: str, permission: str, obj) -> bool:
    with api.env.adopt_roles([role]):
        return api.user.has_permission(permission, obj=obj)


class TestUpgrade1003:
    def test_step_is_registered(self, site_at_1002):
        setup = api.portal.get_tool("portal_setup")
        group, *_later = setup.listUpgrades(PROFILE)
        assert {step["dest"] for step in group} == {("1003",)}

    @pytest.mark.parametrize(
        "permission", ["Change local roles", "Sharing page: Delegate roles"]
    )
    def test_owner_no_longer_shares_existing_draft(self, site_at_1002, permission):
        _, proposal = site_at_1002
        assert _may("Owner", permission, proposal)  # the hole, before the step
        assert not _may("Coordinator", permission, proposal)
        setup = api.portal.get_tool("portal_setup")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (profile_version(),)
        assert not _may("Owner", permission, proposal)
        assert _may("Coordinator", permission, proposal)

    def test_other_association_no_longer_names_authors(self, site_at_1002):
        _, proposal = site_at_1002
        permission = "traite_portal: Modify proposal authors"
        assert _may("AssociationMember", permission, proposal)
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        assert not _may("AssociationMember", permission, proposal)
        assert _may("Editor", permission, proposal)

    def test_rolemap_reimported(self, site_at_1002):
        portal, _ = site_at_1002
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        assert _roles_of(portal, "traite_portal: Delegate Collectif roles") == {
            "Coordinator",
            "Manager",
            "Site Administrator",
        }
