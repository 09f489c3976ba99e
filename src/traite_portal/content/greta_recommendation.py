"""The GretaRecommendation content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IGretaRecommendation
from zope.interface import implementer


@implementer(IGretaRecommendation)
class GretaRecommendation(Item):
    """Greta recommendation."""
