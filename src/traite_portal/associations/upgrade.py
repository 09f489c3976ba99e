"""Upgrade handler: index existing proposals by authoring association.

For the upgrade step that imports ``rolemap catalog actions`` after this
package was added: the new ``proposal_associations`` index starts empty and
the authors' local roles are not yet in ``allowedRolesAndUsers``.
"""

from plone import api
from traite_portal.associations.localroles import SECURITY_INDEXES
from traite_portal.groups import ensure_groups


def reindex_proposals(setup_tool=None) -> int:
    """Reindex every proposal's authors and security; returns how many."""
    ensure_groups()
    brains = api.content.find(portal_type="Proposal", unrestricted=True)
    for brain in brains:
        brain._unrestrictedGetObject().reindexObject(idxs=SECURITY_INDEXES)
    return len(brains)
