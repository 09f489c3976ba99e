"""``@@espace-association``: the proposals of the current user's association(s)."""

from plone import api
from Products.Five.browser import BrowserView
from traite_portal import _
from traite_portal.associations.listing import proposal_rows
from traite_portal.associations.membership import association_titles
from traite_portal.associations.membership import user_association_tokens


# (section id, state, only my association's proposals?, French heading)
SECTIONS = (
    (
        "drafts",
        "draft",
        True,
        _("heading_workspace_drafts", default="Brouillons de mon association"),
    ),
    (
        "shared",
        "shared",
        False,
        _("heading_workspace_shared", default="Partagées dans le Collectif"),
    ),
    (
        "submitted",
        "submitted",
        True,
        _("heading_workspace_submitted", default="En attente de relecture"),
    ),
    (
        "validated",
        "validated",
        True,
        _("heading_workspace_validated", default="Validées"),
    ),
)


def find_proposals(state: str, tokens: list[str] | None) -> list:
    """Proposals in a state, newest change first; ``tokens`` limits the authors.

    Through ``api.content.find``: the catalog's security filter applies.
    """
    query = {
        "portal_type": "Proposal",
        "review_state": state,
        "sort_on": "modified",
        "sort_order": "descending",
    }
    if tokens is not None:
        query["proposal_associations"] = tokens
    return api.content.find(**query)


class AssociationWorkspaceView(BrowserView):
    """Drafts, shared, submitted and validated proposals of my association."""

    def tokens(self) -> list[str]:
        return user_association_tokens()

    def association_names(self) -> str:
        return ", ".join(association_titles(self.tokens()))

    def sections(self) -> list[dict]:
        tokens = self.tokens()
        if not tokens:
            return []
        return [
            {
                "id": section_id,
                "title": title,
                "rows": proposal_rows(find_proposals(state, tokens if mine else None)),
            }
            for section_id, state, mine, title in SECTIONS
        ]

    def can_review(self) -> bool:
        return api.user.has_permission(
            "traite_portal: View review queue", obj=self.context
        )
