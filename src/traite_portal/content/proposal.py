"""The Proposal content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IProposal
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IProposal)
class Proposal(ViewTemplateGuard, Item):
    """Proposal."""
