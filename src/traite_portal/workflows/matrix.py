"""The permission matrix as data: role × content type × state × operation.

The workflow definitions in ``profiles/default/workflows`` implement these
rules; ``tests/workflows/test_matrix.py`` (in process) and
``tests/workflows/test_matrix_http.py`` (over a real HTTP server) check every
cell, and ``docs/permissions.md`` is generated from the same table.
"""

from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW
from traite_portal.workflows.model import Workflow
from typing import NamedTuple


# Who the matrix is about. Local roles are granted on the item itself (the
# authoring association gets Editor or Reader through the sharing tab); the
# others are global roles. "Member" is an authenticated user with no role.
SUBJECTS = (
    "Anonymous",
    "Member",
    "Owner",
    "Editor",
    "Reader",
    "AssociationMember",
    "Coordinator",
    "Jurist",
    "MinistryEditor",
    "MinistryReviewer",
    "Site Administrator",
    "Manager",
)
LOCAL_SUBJECTS = frozenset({"Owner", "Editor", "Reader"})

PERMISSIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "delete": "Delete objects",
    "history": "CMFEditions: Access previous versions",
}

# Operations whose outcome follows the View permission: whoever may view an
# item reaches it by each of these paths, and nobody else does.
ACCESS_PATHS = {
    "page": "the HTML page (GET as a browser does)",
    "rest_get": "REST GET of the item (Accept: application/json)",
    "listing": "its container's listing (REST `items` and `@@listing_view`)",
    "catalog": "`api.content.find` as the user, by the item's unique word",
    "rest_search": "REST `@search` by the item's unique word",
    "breadcrumbs": "REST `@breadcrumbs` of the item",
    "navigation": "REST `@navigation` (the site's navigation tree)",
}
# The operations checked over the real WSGI server.
HTTP_OPERATIONS = ("page", "rest_get", "listing", "rest_search", "breadcrumbs")

# Types navigation never lists, whoever asks: they are not in the registry's
# plone.displayed_types (profiles/default/registry.xml), so a library of
# 100,000 texts costs the navigation tree nothing.
NOT_IN_NAVIGATION = frozenset((*PROPOSAL_WORKFLOW.types, *LEGAL_TEXT_WORKFLOW.types))

WORKFLOWS = (PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW)


class Cell(NamedTuple):
    """One cell of the matrix."""

    role: str
    portal_type: str
    state: str
    operation: str
    allowed: bool


def operations(workflow: Workflow) -> tuple[str, ...]:
    """The operations of a workflow: permissions, access paths, transitions."""
    return (*PERMISSIONS, *ACCESS_PATHS, *workflow.transitions)


def may_view(workflow: Workflow, state_id: str, role: str) -> bool:
    """Whether a subject holds View on an item in a state."""
    roles = workflow.states[state_id].view
    return "Anonymous" in roles or role in roles


def is_allowed(
    workflow: Workflow,
    state_id: str,
    operation: str,
    role: str,
    portal_type: str | None = None,
) -> bool:
    """Whether a subject may perform an operation on an item in a state."""
    if operation == "navigation":
        portal_type = portal_type or workflow.types[0]
        if portal_type in NOT_IN_NAVIGATION:
            return False
        return may_view(workflow, state_id, role)
    if operation in ACCESS_PATHS:
        return may_view(workflow, state_id, role)
    if operation in PERMISSIONS:
        roles = getattr(workflow.states[state_id], operation)
        return "Anonymous" in roles or role in roles
    transition = workflow.transitions[operation]
    return state_id in transition.sources and role in transition.roles


def cells(workflow: Workflow, portal_type: str):
    """Every cell of the matrix for one content type of a workflow."""
    for state_id in workflow.states:
        for operation in operations(workflow):
            for role in SUBJECTS:
                allowed = is_allowed(workflow, state_id, operation, role, portal_type)
                yield Cell(role, portal_type, state_id, operation, allowed)


def all_cells():
    """Every cell of the matrix, for every bound content type."""
    for workflow in WORKFLOWS:
        for portal_type in workflow.types:
            yield from cells(workflow, portal_type)
