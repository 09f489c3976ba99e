"""The CourtRuling content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import ICourtRuling
from zope.interface import implementer


@implementer(ICourtRuling)
class CourtRuling(Item):
    """Court ruling."""
