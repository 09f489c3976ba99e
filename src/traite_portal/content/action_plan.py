"""The ActionPlan content class."""

from plone.dexterity.content import Container
from traite_portal.interfaces import IActionPlan
from traite_portal.security.layout import ViewTemplateGuard
from zope.interface import implementer


@implementer(IActionPlan)
class ActionPlan(ViewTemplateGuard, Container):
    """Action plan."""
