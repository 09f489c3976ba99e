"""1000 → 1001: custom roles and the review workflows of proposals and texts.

Items created under 1000 followed ``simple_publication_workflow``: each keeps
its meaning (published stays public) in the new workflow of its type.
"""

from DateTime import DateTime
from plone import api


OLD_WORKFLOW = "simple_publication_workflow"

# Old state → new state, per new workflow.
STATE_MAP = {
    "traite_proposal_workflow": {
        "private": "draft",
        "pending": "submitted",
        "published": "validated",
    },
    "traite_legal_text_workflow": {
        "private": "draft",
        "pending": "pending",
        "published": "published",
    },
}


def _old_state(obj) -> str | None:
    history = getattr(obj, "workflow_history", {}).get(OLD_WORKFLOW) or ()
    return history[-1].get("review_state") if history else None


def migrate_states(setup_tool) -> None:
    """Give items of the old workflow the matching state of their new one."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for workflow_id, states in STATE_MAP.items():
        types = [
            t
            for t in api.portal.get_tool("portal_types").objectIds()
            if workflow_tool.getChainForPortalType(t) == (workflow_id,)
        ]
        for brain in catalog.unrestrictedSearchResults(portal_type=types):
            obj = brain._unrestrictedGetObject()
            new_state = states.get(_old_state(obj))
            if new_state is None or workflow_tool.getStatusOf(workflow_id, obj):
                continue
            workflow_tool.setStatusOf(
                workflow_id,
                obj,
                {
                    "review_state": new_state,
                    "action": None,
                    "actor": "upgrade-1001",
                    "comments": "Migration vers le workflow de relecture.",
                    "time": DateTime(),
                },
            )
            obj.reindexObject(idxs=["review_state"])


def update_role_mappings(setup_tool) -> None:
    """Recompute the permissions of existing items for their new workflows."""
    api.portal.get_tool("portal_workflow").updateRoleMappings()
