"""The NationalText content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import INationalText
from zope.interface import implementer


@implementer(INationalText)
class NationalText(Item):
    """National text."""
