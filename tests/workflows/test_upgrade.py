"""Upgrade 1000 → 1001: roles, review workflows, existing items keep their meaning."""

from AccessControl.SpecialUsers import nobody
from plone import api
from traite_portal.upgrades import profile_version

import pytest


PROFILE = "traite_portal:default"


@pytest.fixture
def site_at_1000(integration, new_item):
    """A site as version 1000 left it: simple_publication_workflow everywhere."""
    portal = integration["portal"]
    setup = api.portal.get_tool("portal_setup")
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setChainForPortalTypes(
        ("Proposal", "Circular"), "simple_publication_workflow"
    )
    items = {
        "proposal": new_item("Proposal"),
        "circular": new_item("Circular"),
        "draft_circular": new_item("Circular"),
    }
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=items["proposal"], transition="publish")
        api.content.transition(obj=items["circular"], transition="publish")
    setup.setLastVersionForProfile(PROFILE, "1000")
    return portal, items


def _anonymous_can_view(obj) -> bool:
    with api.env.adopt_user(user=nobody):
        return api.user.has_permission("View", obj=obj)


class TestUpgrade1001:
    def test_step_is_registered(self, site_at_1000):
        setup = api.portal.get_tool("portal_setup")
        # upgradeSteps registers one group (a list of steps) per version.
        group, *_ = setup.listUpgrades(PROFILE)
        assert [step["title"] for step in group] == [
            "Rôles et workflows de relecture",
            "États des contenus existants",
            "Mise à jour des permissions des contenus existants",
        ]
        assert {step["dest"] for step in group} == {("1001",)}

    def test_upgrade_reaches_the_profile_version(self, site_at_1000):
        setup = api.portal.get_tool("portal_setup")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (profile_version(),)
        assert setup.listUpgrades(PROFILE) == []

    @pytest.mark.parametrize(
        ("portal_type", "workflow_id"),
        [
            ("Proposal", "traite_proposal_workflow"),
            ("Circular", "traite_legal_text_workflow"),
        ],
    )
    def test_workflows_bound(self, site_at_1000, portal_type, workflow_id):
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        chain = api.portal.get_tool("portal_workflow").getChainForPortalType(
            portal_type
        )
        assert chain == (workflow_id,)

    @pytest.mark.parametrize(
        ("key", "state", "public"),
        [
            ("proposal", "validated", True),
            ("circular", "published", True),
            ("draft_circular", "draft", False),
        ],
    )
    def test_items_keep_their_meaning(self, site_at_1000, key, state, public):
        _, items = site_at_1000
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        obj = items[key]
        assert api.content.get_state(obj) == state
        assert _anonymous_can_view(obj) is public
        (brain,) = api.content.find(UID=obj.UID(), unrestricted=True)
        assert brain.review_state == state

    def test_roles_created(self, site_at_1000):
        portal, _ = site_at_1000
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
        assert {"Coordinator", "Jurist", "MinistryEditor"} <= set(portal.validRoles())


class TestUpgrade1002:
    def test_groups_created(self, integration):
        setup = api.portal.get_tool("portal_setup")
        api.group.delete(groupname="coordinators")
        setup.setLastVersionForProfile(PROFILE, "1001")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (profile_version(),)
        group = api.group.get(groupname="coordinators")
        assert "Coordinator" in group.getRoles()
