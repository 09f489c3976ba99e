"""The Convention content class."""

from plone.dexterity.content import Item
from traite_portal.interfaces import IConvention
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IConvention)
class Convention(ViewTemplateGuard, Item):
    """Convention."""
