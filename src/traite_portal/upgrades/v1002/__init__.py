"""1001 → 1002: groups, co-editing, notifications and public REST reading.

Re-imports the profile steps that changed and creates the portal's groups.
"""

from plone import api
from plone.base.utils import get_installer
from traite_portal.groups import ensure_groups
from traite_portal.setuphandlers import set_default_sender


def install_discussion(setup_tool) -> None:
    """Install plone.app.discussion, a dependency of the profile since 1002."""
    installer = get_installer(api.portal.get())
    if not installer.is_product_installed("plone.app.discussion"):
        installer.install_product("plone.app.discussion")


def create_groups(setup_tool) -> None:
    """Create the portal's groups; give the site a mail sender if it has none."""
    ensure_groups()
    set_default_sender()


def update_role_mappings(setup_tool) -> None:
    """Apply the workflows' permissions again and reindex security."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.updateRoleMappings()
    api.portal.get_tool("portal_catalog").reindexIndex(["allowedRolesAndUsers"], None)
