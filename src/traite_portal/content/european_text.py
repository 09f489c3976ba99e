"""The EuropeanText content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IEuropeanText
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IEuropeanText)
class EuropeanText(ViewTemplateGuard, Item):
    """European text."""
