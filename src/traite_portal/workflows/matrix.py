"""The permission matrix as data: role × content type × state × operation.

The workflow definitions in ``profiles/default/workflows`` implement these
rules; ``tests/workflows/test_matrix.py`` checks every cell against a real
site and ``docs/permissions.md`` is generated from the same table.
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
}


WORKFLOWS = (PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW)


class Cell(NamedTuple):
    """One cell of the matrix."""

    role: str
    portal_type: str
    state: str
    operation: str
    allowed: bool


def operations(workflow: Workflow) -> tuple[str, ...]:
    """The operations of a workflow: view, edit, delete and each transition."""
    return (*PERMISSIONS, *workflow.transitions)


def is_allowed(workflow: Workflow, state_id: str, operation: str, role: str) -> bool:
    """Whether a subject may perform an operation on an item in a state."""
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
                allowed = is_allowed(workflow, state_id, operation, role)
                yield Cell(role, portal_type, state_id, operation, allowed)


def all_cells():
    """Every cell of the matrix, for every bound content type."""
    for workflow in WORKFLOWS:
        for portal_type in workflow.types:
            yield from cells(workflow, portal_type)
