"""The Measure content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import IMeasure
from zope.interface import implementer


@implementer(IMeasure)
class Measure(Container):
    """Measure."""

    # Unordered BTree storage: adding an item stays O(log n) with thousands of
    # children, where an ordered folder rewrites its order list on every add.
    _ordering = "unordered"
