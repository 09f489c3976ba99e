"""The NationalText content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import INationalText
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(INationalText)
class NationalText(ViewTemplateGuard, Item):
    """National text."""
