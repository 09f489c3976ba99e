"""The GretaRecommendation content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IGretaRecommendation
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IGretaRecommendation)
class GretaRecommendation(ViewTemplateGuard, Item):
    """Greta recommendation."""
