"""A repealed legal text stays readable and says it is no longer in force."""

from datetime import datetime
from plone import api


REPEALED = "repealed"


def mark_not_in_force(obj, event) -> None:
    """Circulars carry ``in_force``: repealing the text clears it."""
    if event.new_state.getId() != REPEALED:
        return
    if getattr(obj, "in_force", None) is not None:
        obj.in_force = False
        obj.reindexObject()


def repeal_date(obj) -> datetime | None:
    """When the text was repealed (its last ``repeal`` transition), if it is."""
    if api.content.get_state(obj, default=None) != REPEALED:
        return None
    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow_id,) = workflow_tool.getChainFor(obj)
    for entry in reversed(obj.workflow_history.get(workflow_id, ())):
        if entry.get("review_state") == REPEALED:
            return entry["time"].asdatetime()
    return None
