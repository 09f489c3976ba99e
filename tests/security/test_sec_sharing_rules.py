"""The sharing rules as data match the site: registry, rolemap, workflows.

A sharing-page role registered without a rule in ``delegation.py`` fails
here, as does a workflow or rolemap that drifts from the tables.
"""

from plone import api
from plone.app.workflow.interfaces import ISharingPageRole
from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW
from traite_portal.workflows.delegation import DELEGATION
from zope.component import getUtilitiesFor

import pytest


REVIEW_WORKFLOWS = (PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW)
SHARE_PERMISSIONS = ("Change local roles", "Sharing page: Delegate roles")
AUTHORS_PERMISSION = "traite_portal: Modify proposal authors"


def site_roles(portal, permission: str) -> set[str]:
    """The roles the site root grants a permission to (rolemap.xml)."""
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


class TestDelegationTable:
    def test_every_sharing_page_role_has_a_rule(self, portal):
        registered = {name for name, _ in getUtilitiesFor(ISharingPageRole)}
        assert registered == set(DELEGATION)

    def test_each_role_asks_its_delegation_permission(self, portal):
        for name, role in getUtilitiesFor(ISharingPageRole):
            assert role.required_permission == DELEGATION[name].permission, name

    @pytest.mark.parametrize("role", sorted(DELEGATION))
    def test_rolemap_grants_the_table(self, portal, role):
        delegation = DELEGATION[role]
        assert site_roles(portal, delegation.permission) == set(delegation.roles)


class TestWorkflowsManageSharing:
    @pytest.mark.parametrize("workflow", REVIEW_WORKFLOWS, ids=lambda w: w.id)
    def test_share_column(self, portal, workflow):
        definition = api.portal.get_tool("portal_workflow")[workflow.id]
        for state_id, state in workflow.states.items():
            granted = definition.states[state_id].permission_roles
            for permission in SHARE_PERMISSIONS:
                assert set(granted[permission]) == set(state.share), state_id

    def test_authors_column(self, portal):
        definition = api.portal.get_tool("portal_workflow")[PROPOSAL_WORKFLOW.id]
        for state_id, state in PROPOSAL_WORKFLOW.states.items():
            granted = definition.states[state_id].permission_roles
            assert set(granted[AUTHORS_PERMISSION]) == set(state.authors), state_id

    def test_adding_a_proposal_lets_members_name_their_association(self, portal):
        # Before the item exists (add form, REST POST), the container decides.
        assert "AssociationMember" in site_roles(portal, AUTHORS_PERMISSION)
