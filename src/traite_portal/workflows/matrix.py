"""The permission matrix as data: role × content type × state × operation.

The workflow definitions in ``profiles/default/workflows`` implement these
rules; ``tests/workflows/test_matrix.py`` (in process) and
``tests/workflows/test_matrix_http.py`` (over a real HTTP server) check every
cell, and ``docs/permissions.md`` is generated from the same table.
"""

from traite_portal.workflows.definitions import LEGAL_TEXT_WORKFLOW
from traite_portal.workflows.definitions import ONE_STATE_WORKFLOW
from traite_portal.workflows.definitions import PROPOSAL_WORKFLOW
from traite_portal.workflows.delegation import may_grant
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

# Members of the portal's groups (traite_portal.groups), who hold their roles
# because of the item: the authoring association's group gets Editor on its
# proposals (associations/localroles.py), a ministry's groups get
# MinistryEditor / MinistryReviewer on the texts of that ministry
# (ministries/localroles.py). Matrix items name the first association and
# MATRIX_MINISTRY; "other" subjects belong to another association / ministry.
MATRIX_MINISTRY = "min-justice"
OTHER_MINISTRY = "min-interieur"
MINISTRY_TYPES = frozenset({"Circular", "NationalText"})  # types with a ministry
GROUP_SUBJECTS = (
    "AuthoringAssociation",
    "OtherAssociation",
    "OwnMinistryEditor",
    "OtherMinistryEditor",
    "OwnMinistryReviewer",
    "OtherMinistryReviewer",
)
SUBJECTS = (*SUBJECTS, *GROUP_SUBJECTS)


def subject_roles(subject: str, portal_type: str) -> tuple[str, ...]:
    """The roles a subject holds on an item of a type ("Member": none)."""
    if subject == "AuthoringAssociation":
        if portal_type == "Proposal":
            return ("AssociationMember", "Editor")
        return ("AssociationMember",)
    if subject == "OtherAssociation":
        return ("AssociationMember",)
    if subject in ("OwnMinistryEditor", "OtherMinistryEditor"):
        if portal_type == "TextLibrary":  # every ministry adds texts there
            return ("Contributor",)
    if subject == "OwnMinistryEditor" and portal_type == "Measure":
        return ("MinistryEditor",)  # the matrix measure lists MATRIX_MINISTRY
    if subject in ("OwnMinistryEditor", "OwnMinistryReviewer"):
        if portal_type in MINISTRY_TYPES:
            return ("MinistryEditor",) if "Editor" in subject else ("MinistryReviewer",)
        return ("Member",)
    if subject in ("OtherMinistryEditor", "OtherMinistryReviewer"):
        return ("Member",)
    return (subject,)


PERMISSIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "delete": "Delete objects",
    "history": "CMFEditions: Access previous versions",
    # Change the item's local roles (sharing page); which roles: delegation.py.
    "share": "Change local roles",
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

# The review workflows, and Plone's one_state_workflow of the plan's parts.
REVIEW_WORKFLOWS = (PROPOSAL_WORKFLOW, LEGAL_TEXT_WORKFLOW)
WORKFLOWS = (*REVIEW_WORKFLOWS, ONE_STATE_WORKFLOW)
# Every (content type, state) pair: the test sites hold one item of each.
ITEMS = tuple(
    (portal_type, state)
    for workflow in WORKFLOWS
    for portal_type in workflow.types
    for state in workflow.states
)

# Permissions that only mean something on one type (field write
# permissions): a measure's implementation status (ministries/), the same in
# every state; a proposal's authoring associations (``State.authors``).
TYPE_PERMISSIONS = {
    "Measure": {"status": "traite_portal: Update implementation status"},
    "Proposal": {"authors": "traite_portal: Modify proposal authors"},
}
TYPE_PERMISSION_ROLES = {"status": ("MinistryEditor", "Manager", "Site Administrator")}


class Cell(NamedTuple):
    """One cell of the matrix."""

    role: str
    portal_type: str
    state: str
    operation: str
    allowed: bool


def operations(workflow: Workflow, portal_type: str | None = None) -> tuple[str, ...]:
    """The operations on a type: permissions, access paths, transitions."""
    own = TYPE_PERMISSIONS.get(portal_type or workflow.types[0], {})
    return (*PERMISSIONS, *own, *ACCESS_PATHS, *workflow.transitions)


def may_view(
    workflow: Workflow, state_id: str, role: str, portal_type: str | None = None
) -> bool:
    """Whether a subject holds View on an item of a type in a state."""
    roles = workflow.states[state_id].view
    held = subject_roles(role, portal_type or workflow.types[0])
    return "Anonymous" in roles or any(r in roles for r in held)


def is_allowed(
    workflow: Workflow,
    state_id: str,
    operation: str,
    role: str,
    portal_type: str | None = None,
) -> bool:
    """Whether a subject may perform an operation on an item in a state."""
    portal_type = portal_type or workflow.types[0]
    if operation == "navigation":
        if portal_type in NOT_IN_NAVIGATION:
            return False
        return may_view(workflow, state_id, role, portal_type)
    if operation in ACCESS_PATHS:
        return may_view(workflow, state_id, role, portal_type)
    held = subject_roles(role, portal_type)
    if operation in TYPE_PERMISSION_ROLES:
        return any(r in TYPE_PERMISSION_ROLES[operation] for r in held)
    if operation in PERMISSIONS or operation in TYPE_PERMISSIONS.get(portal_type, {}):
        roles = getattr(workflow.states[state_id], operation)
        return "Anonymous" in roles or any(r in roles for r in held)
    transition = workflow.transitions[operation]
    return state_id in transition.sources and any(r in transition.roles for r in held)


def may_grant_as(
    workflow: Workflow, state_id: str, subject: str, role: str, portal_type: str
) -> bool:
    """Whether a subject may grant a sharing-page role to someone else."""
    held = subject_roles(subject, portal_type)
    return may_grant(workflow.states[state_id], held, role)


def cells(workflow: Workflow, portal_type: str):
    """Every cell of the matrix for one content type of a workflow."""
    for state_id in workflow.states:
        for operation in operations(workflow, portal_type):
            for role in SUBJECTS:
                allowed = is_allowed(workflow, state_id, operation, role, portal_type)
                yield Cell(role, portal_type, state_id, operation, allowed)


def all_cells():
    """Every cell of the matrix, for every bound content type."""
    for workflow in WORKFLOWS:
        for portal_type in workflow.types:
            yield from cells(workflow, portal_type)
