"""Keep ``Discussion Item`` bound to ``traite_comment_workflow``.

When ``moderation_enabled`` is set (discussion control panel, or the registry
import step, which may run after the workflow step), plone.app.discussion
binds comments to its own ``comment_review_workflow``, whose pending state
ignores the coordinators. This subscriber, registered after it, binds our
moderated workflow again.
"""

from plone import api
from plone.app.discussion.interfaces import IDiscussionSettings
from plone.registry.interfaces import IRecordModifiedEvent


COMMENT_TYPE = "Discussion Item"
COMMENT_WORKFLOW = "traite_comment_workflow"


def rebind_comment_workflow(event: IRecordModifiedEvent) -> None:
    """Moderation switched on: comments follow the portal's own workflow."""
    record = event.record
    if record.interfaceName != IDiscussionSettings.__identifier__:
        return
    if record.fieldName != "moderation_enabled" or record.value is not True:
        return
    workflow_tool = api.portal.get_tool("portal_workflow")
    # On first install the workflow step may not have run yet: it binds it.
    if COMMENT_WORKFLOW in workflow_tool.objectIds():
        workflow_tool.setChainForPortalTypes((COMMENT_TYPE,), COMMENT_WORKFLOW)
