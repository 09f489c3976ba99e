"""The role ``WebhookClient`` (docs/workflows.md, « Roles »): a global role
for a REST client account that grants « Manage webhooks » and nothing else,
on the site and on every item, in every workflow state; it is not offered in
the sharing tab."""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone import api
from plone.app.workflow.interfaces import ISharingPageRole
from zope.component import getUtilitiesFor

import transaction


ROLE = "WebhookClient"
MANAGE_WEBHOOKS = "traite_portal: Manage webhooks"


def permissions_of(role: str, obj) -> set[str]:
    """Every permission ``role`` holds on ``obj`` (acquired ones included)."""
    return {
        permission
        for permission, *_rest in obj.ac_inherited_permissions(1)
        if role in (rolesForPermissionOn(permission, obj) or ())
    }


def test_only_manage_webhooks(webhooks_site):
    portal = webhooks_site.portal
    assert ROLE in portal.validRoles()
    assert permissions_of(ROLE, portal) == {MANAGE_WEBHOOKS}
    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        items = [brain.getObject() for brain in api.content.find(context=portal)]
        assert items
        for item in items:
            # Each state the item's workflows have: the state's own mapping.
            for workflow in workflow_tool.getWorkflowsFor(item):
                for state in workflow.states.objectValues():
                    for permission, roles in (state.permission_roles or {}).items():
                        assert ROLE not in roles, (workflow.id, state.id, permission)
            assert permissions_of(ROLE, item) <= {MANAGE_WEBHOOKS}, item.absolute_url()
    transaction.abort()


def test_not_in_the_sharing_tab(webhooks_site):
    assert ROLE not in {name for name, _utility in getUtilitiesFor(ISharingPageRole)}
