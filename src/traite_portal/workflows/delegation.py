"""Who may grant which role on the sharing page, as data.

A grant needs three things (``security/sharing.py`` enforces them on every
path, ``docs/security.md`` explains them):

1. the item's state lets the user change its local roles
   (``State.share``: « Change local roles », and « Sharing page: Delegate
   roles » to open the page, both managed by the review workflows);
2. the user holds the delegation permission of the role (site-wide, below;
   ``profiles/default/rolemap.xml`` and Plone's defaults);
3. the grant is not for the user themselves nor for a group they belong to.
"""

from traite_portal.workflows.model import ADMINS
from traite_portal.workflows.model import State
from typing import NamedTuple


DELEGATE_COLLECTIF_ROLES = "traite_portal: Delegate Collectif roles"
DELEGATE_MINISTRY_ROLES = "traite_portal: Delegate ministry roles"


class Delegation(NamedTuple):
    """The permission that lets one grant a role, and who holds it site-wide."""

    permission: str
    roles: tuple[str, ...]


COLLECTIF = Delegation(DELEGATE_COLLECTIF_ROLES, ("Coordinator", *ADMINS))
MINISTRIES = Delegation(DELEGATE_MINISTRY_ROLES, ADMINS)

# Every role of the sharing page: Plone's four (their permissions keep
# Plone's default holders, plus coordinators) and the portal's five.
DELEGATION = {
    "Reader": Delegation(
        "Sharing page: Delegate Reader role",
        ("Owner", "Editor", "Reviewer", "Coordinator", *ADMINS),
    ),
    "Editor": Delegation(
        "Sharing page: Delegate Editor role",
        ("Owner", "Editor", "Coordinator", *ADMINS),
    ),
    "Contributor": Delegation(
        "Sharing page: Delegate Contributor role", ("Owner", "Coordinator", *ADMINS)
    ),
    "Reviewer": Delegation(
        "Sharing page: Delegate Reviewer role", ("Reviewer", "Coordinator", *ADMINS)
    ),
    "Coordinator": COLLECTIF,
    "AssociationMember": COLLECTIF,
    "Jurist": COLLECTIF,
    "MinistryEditor": MINISTRIES,
    "MinistryReviewer": MINISTRIES,
}


def sharing_page_roles(state: State) -> tuple[str, ...]:
    """The roles that open the sharing page of an item in this state."""
    return state.share if state.sharing_page is None else state.sharing_page


def may_grant(state: State, held: tuple[str, ...], role: str) -> bool:
    """Whether roles ``held`` on an item in ``state`` let one grant ``role``.

    To someone else: a grant to oneself or one's group is always refused.
    """
    needed = (sharing_page_roles(state), state.share, DELEGATION[role].roles)
    return all(any(r in roles for r in held) for roles in needed)
