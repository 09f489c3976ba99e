"""The Circular content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import ICircular
from zope.interface import implementer


@implementer(ICircular)
class Circular(Item):
    """Circular."""
