"""``${…}`` variables for the rules' mail actions (plone.stringinterp).

Recipients are comma-separated, as the mail action expects; a variable that
does not apply to the object gives an empty string (no mail).
"""

from plone import api
from plone.stringinterp.adapters import BaseSubstitution
from Products.CMFCore.interfaces import IContentish
from traite_portal import _
from traite_portal.interfaces import IMeasure
from traite_portal.interfaces import IProposal
from traite_portal.notifications import recipients
from zope.component import adapter


@adapter(IContentish)
class CoordinatorEmailsSubstitution(BaseSubstitution):
    """``${coordinator_emails}``: the members of the ``coordinators`` group."""

    category = _("msg_substitution_category", default="Portail traite")
    description = _(
        "msg_substitution_coordinator_emails",
        default="Adresses des coordinateurs",
    )

    def safe_call(self) -> str:
        return ",".join(recipients.coordinator_emails())


@adapter(IContentish)
class ProposalAuthorEmailsSubstitution(BaseSubstitution):
    """``${proposal_author_emails}``: owners and association members."""

    category = _("msg_substitution_category", default="Portail traite")
    description = _(
        "msg_substitution_proposal_author_emails",
        default="Adresses des auteurs de la proposition",
    )

    def safe_call(self) -> str:
        if not IProposal.providedBy(self.context):
            return ""
        return ",".join(recipients.proposal_author_emails(self.context))


@adapter(IContentish)
class MinistryEmailsSubstitution(BaseSubstitution):
    """``${ministry_emails}``: editors of the ministries leading the measure."""

    category = _("msg_substitution_category", default="Portail traite")
    description = _(
        "msg_substitution_ministry_emails",
        default="Adresses des rédacteurs des ministères pilotes de la mesure",
    )

    def safe_call(self) -> str:
        if not IMeasure.providedBy(self.context):
            return ""
        return ",".join(recipients.ministry_emails(self.context))


def last_workflow_comment(obj) -> str:
    """The comment of the object's latest workflow transition, or ''."""
    history = getattr(obj, "workflow_history", None) or {}
    for workflow_id in api.portal.get_tool("portal_workflow").getChainFor(obj):
        entries = history.get(workflow_id) or ()
        if entries:
            return (entries[-1].get("comments") or "").strip()
    return ""


@adapter(IContentish)
class WorkflowCommentSubstitution(BaseSubstitution):
    """``${workflow_comment}``: the comment of the last transition only.

    Unlike ``${change_comment}``, never a versioning comment.
    """

    category = _("msg_substitution_category", default="Portail traite")
    description = _(
        "msg_substitution_workflow_comment",
        default="Commentaire de la dernière transition",
    )

    def safe_call(self) -> str:
        return last_workflow_comment(self.context)
