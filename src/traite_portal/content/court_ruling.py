"""The CourtRuling content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import ICourtRuling
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(ICourtRuling)
class CourtRuling(ViewTemplateGuard, Item):
    """Court ruling."""
