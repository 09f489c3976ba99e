"""The Chapter content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import IChapter
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IChapter)
class Chapter(ViewTemplateGuard, Container):
    """Chapter."""
