"""The authoring associations' groups get ``Editor`` on their proposals.

``AssociationMember`` is global (every association), so "my association's
drafts" is expressed by a local role computed from the proposal's
``associations`` field: no sharing-tab entry to keep in sync.
"""

from Acquisition import aq_base
from borg.localrole.interfaces import ILocalRoleProvider
from traite_portal.associations.membership import user_association_tokens
from traite_portal.groups import association_group_id
from traite_portal.interfaces import IProposal
from zope.component import adapter
from zope.interface import implementer


AUTHOR_ROLES = ("Editor",)
SECURITY_INDEXES = ["allowedRolesAndUsers", "proposal_associations"]


def author_group_ids(proposal) -> list[str]:
    """Group ids of the associations that author a proposal."""
    # aq_base: never acquire an ``associations`` attribute from a container.
    tokens = getattr(aq_base(proposal), "associations", None) or []
    return [association_group_id(token) for token in tokens]


@implementer(ILocalRoleProvider)
@adapter(IProposal)
class AssociationAuthorRoles:
    """Local roles of the authoring associations' groups on a proposal."""

    def __init__(self, context) -> None:
        self.context = context

    def getRoles(self, principal_id: str) -> tuple[str, ...]:
        if principal_id in author_group_ids(self.context):
            return AUTHOR_ROLES
        return ()

    def getAllRoles(self):
        for group_id in author_group_ids(self.context):
            yield group_id, AUTHOR_ROLES


def set_default_associations(proposal, event) -> None:
    """A new proposal without authors is authored by its creator's associations.

    A creator who belongs to no association (coordinator, administrator,
    importer) leaves the field as given: the draft is then visible to its
    owner and the coordinators only.
    """
    if getattr(aq_base(proposal), "associations", None):
        return
    tokens = user_association_tokens()
    if tokens:
        proposal.associations = tokens
        proposal.reindexObject(idxs=SECURITY_INDEXES)


def reindex_author_security(proposal, event) -> None:
    """The authors may have changed: recompute who may see the proposal."""
    proposal.reindexObject(idxs=SECURITY_INDEXES)
