"""``@@file-de-relecture``: submitted proposals for the coordinators, oldest first."""

from plone import api
from plone.protect.authenticator import createToken
from Products.Five.browser import BrowserView
from traite_portal.associations.listing import localized
from traite_portal.associations.listing import proposal_rows
from traite_portal.associations.listing import WORKFLOW_ID
from urllib.parse import urlencode


def submitted_on(proposal):
    """When the proposal was last submitted (workflow history), or None."""
    history = getattr(proposal, "workflow_history", {}).get(WORKFLOW_ID, ())
    dates = [entry["time"] for entry in history if entry.get("action") == "submit"]
    return dates[-1] if dates else None


class ReviewQueueView(BrowserView):
    """The proposals awaiting the coordinators' review."""

    def rows(self) -> list[dict]:
        brains = api.content.find(portal_type="Proposal", review_state="submitted")
        rows = []
        token = createToken()
        for brain, row in zip(brains, proposal_rows(brains), strict=True):
            submitted = submitted_on(brain.getObject()) or brain.modified
            validate = urlencode(
                {"workflow_action": "validate", "_authenticator": token}
            )
            row.update(
                submitted=submitted,
                submitted_label=localized(submitted),
                validate_url=f"{row['url']}/content_status_modify?{validate}",
                status_url=f"{row['url']}/content_status_modify",
            )
            rows.append(row)
        return sorted(rows, key=lambda row: row["submitted"])
