"""1001 → 1002: groups, co-editing, notifications and public REST reading.

Re-imports the profile steps that changed and creates the portal's groups.
"""

from plone import api
from traite_portal.groups import ensure_groups


def create_groups(setup_tool) -> None:
    """Create the coordinators', jurists', associations' and ministries' groups."""
    ensure_groups()


def update_role_mappings(setup_tool) -> None:
    """Apply the workflows' permissions again and reindex security."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.updateRoleMappings()
    api.portal.get_tool("portal_catalog").reindexIndex(["allowedRolesAndUsers"], None)
