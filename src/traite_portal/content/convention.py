"""The Convention content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IConvention
from zope.interface import implementer


@implementer(IConvention)
class Convention(Item):
    """Convention."""
