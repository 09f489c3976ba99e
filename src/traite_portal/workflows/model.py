"""The building blocks of the permission matrix: states, transitions, workflows."""

from dataclasses import dataclass
from dataclasses import field


ADMINS = ("Manager", "Site Administrator")

# Roles of the portal (created by rolemap.xml).
CUSTOM_ROLES = (
    "Coordinator",
    "AssociationMember",
    "MinistryEditor",
    "MinistryReviewer",
    "Jurist",
)


@dataclass(frozen=True)
class State:
    """Who may view, edit and delete an item in one workflow state."""

    title: str
    description: str
    view: tuple[str, ...]
    edit: tuple[str, ...]
    delete: tuple[str, ...] = ADMINS
    # Previous versions (CMFEditions): ``@history`` and the version pages
    # check this permission only, not View, so the workflow manages it.
    history: tuple[str, ...] = ADMINS
    # Who may change the item's local roles in this state (« Change local
    # roles » and the sharing page's « Sharing page: Delegate roles »): the
    # workflow decides who shares an item with whom, not its author.
    share: tuple[str, ...] = ADMINS
    # Who opens the sharing page, when the workflow does not manage it
    # (``None``: the same roles as ``share``).
    sharing_page: tuple[str, ...] | None = None
    # Who changes a proposal's authoring associations (its own permission:
    # co-editors of a shared proposal may not make it theirs).
    authors: tuple[str, ...] = ADMINS


# Transitions are guarded by permissions, not roles: a role guard ignores proxy
# roles (api.env.adopt_roles, as the corpus importer runs). Each state grants
# a guard permission to the roles of the exit transitions it guards.
REQUEST_REVIEW = "Request review"
REVIEW = "Review portal content"
RETRACT_PROPOSAL = "traite_portal: Retract proposal"


@dataclass(frozen=True)
class Transition:
    """A user transition: sources, target, roles and the permission guarding it."""

    title: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    permission: str


@dataclass(frozen=True)
class Workflow:
    """A workflow definition in the form the matrix needs."""

    id: str
    title: str
    types: tuple[str, ...]
    initial: str
    states: dict[str, State] = field(default_factory=dict)
    transitions: dict[str, Transition] = field(default_factory=dict)


def guard_roles(workflow: Workflow, state_id: str) -> dict[str, set[str]]:
    """The roles each guard permission goes to in a state (its exit transitions)."""
    roles: dict[str, set[str]] = {}
    for transition in workflow.transitions.values():
        roles.setdefault(transition.permission, set())
        if state_id in transition.sources:
            roles[transition.permission] |= set(transition.roles)
    return roles
