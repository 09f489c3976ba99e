"""The Proposal content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IProposal
from zope.interface import implementer


@implementer(IProposal)
class Proposal(Item):
    """Proposal."""
