"""The Annex content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import IAnnex
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IAnnex)
class Annex(ViewTemplateGuard, Container):
    """Annex."""

    # Unordered BTree storage: adding an item stays O(log n) with thousands of
    # children, where an ordered folder rewrites its order list on every add.
    _ordering = "unordered"
