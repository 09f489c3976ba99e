"""The Circular content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import ICircular
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(ICircular)
class Circular(ViewTemplateGuard, Item):
    """Circular."""
