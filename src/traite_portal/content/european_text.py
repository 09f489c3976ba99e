"""The EuropeanText content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IEuropeanText
from zope.interface import implementer


@implementer(IEuropeanText)
class EuropeanText(Item):
    """European text."""
