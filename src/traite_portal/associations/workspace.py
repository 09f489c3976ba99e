"""``@@espace-association``: the proposals of the current user's association(s)."""

from plone import api
from Products.Five.browser import BrowserView
from traite_portal import _
from traite_portal.associations.listing import proposal_rows
from traite_portal.associations.membership import association_titles
from traite_portal.associations.membership import user_association_tokens
from urllib.parse import urlencode


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


# Rows shown per section; the rest is one click away, on the search page.
SECTION_LIMIT = 20


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
        sections = []
        for section_id, state, mine, title in SECTIONS:
            brains = find_proposals(state, tokens if mine else None)
            sections.append(
                {
                    "id": section_id,
                    "title": title,
                    "total": len(brains),
                    "rows": proposal_rows(brains[:SECTION_LIMIT]),
                    "more_url": self.search_url(state, tokens if mine else None)
                    if len(brains) > SECTION_LIMIT
                    else None,
                }
            )
        return sections

    def search_url(self, state: str, tokens: list[str] | None) -> str:
        """The site search listing every proposal of a section."""
        query = [
            ("portal_type", "Proposal"),
            ("review_state", state),
            ("sort_on", "modified"),
            ("sort_order", "reverse"),
        ]
        query += [("proposal_associations:list", token) for token in tokens or ()]
        return f"{api.portal.get().absolute_url()}/@@search?{urlencode(query)}"

    def can_review(self) -> bool:
        return api.user.has_permission(
            "traite_portal: View review queue", obj=self.context
        )
