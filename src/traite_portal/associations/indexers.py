"""Catalog index ``proposal_associations``: a proposal's authoring associations."""

from plone.indexer import indexer
from traite_portal.interfaces import IProposal


@indexer(IProposal)
def proposal_associations(obj) -> list[str]:
    """Association tokens of the proposal's authors."""
    return list(getattr(obj, "associations", None) or [])
