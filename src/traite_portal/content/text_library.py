"""The TextLibrary content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import ITextLibrary
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(ITextLibrary)
class TextLibrary(ViewTemplateGuard, Container):
    """Text library."""

    # Unordered BTree storage: adding an item stays O(log n) with thousands of
    # children, where an ordered folder rewrites its order list on every add.
    _ordering = "unordered"
