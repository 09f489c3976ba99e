"""The Chapter content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import IChapter
from zope.interface import implementer


@implementer(IChapter)
class Chapter(Container):
    """Chapter."""
