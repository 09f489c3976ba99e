"""The ActionPlan content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import IActionPlan
from zope.interface import implementer


@implementer(IActionPlan)
class ActionPlan(Container):
    """Action plan."""
