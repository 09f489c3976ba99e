"""``IMeasureOverdueEvent``: a measure passed its deadline, unfinished.

Plone has no such event: ``traite-notify-overdue`` fires it. It is declared a
content rules trigger in configure.zcml and runs the rules like the core
handlers of plone.app.contentrules do.
"""

from plone.app.contentrules.handlers import execute_rules
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IMeasureOverdueEvent(IObjectEvent):
    """The deadline of ``object`` (a measure) is past and it is not done."""


@implementer(IMeasureOverdueEvent)
class MeasureOverdueEvent(ObjectEvent):
    """Fired for one overdue measure."""


def execute_overdue_rules(event: IMeasureOverdueEvent) -> None:
    """Run the content rules assigned above the measure for this event."""
    execute_rules(event)
