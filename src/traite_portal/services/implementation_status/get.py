"""GET ``<measure>/@implementation-status``: the status and its history."""

from plone.restapi.interfaces import IExpandableElement
from plone.restapi.services import Service
from traite_portal.interfaces import IMeasure
from traite_portal.ministries.history import current_status
from traite_portal.ministries.history import history
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


@implementer(IExpandableElement)
@adapter(IMeasure, Interface)
class ImplementationStatus:
    """The ``implementation-status`` component (also ``?expand=``-able)."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand: bool = False) -> dict:
        url = f"{self.context.absolute_url()}/@implementation-status"
        result = {"implementation-status": {"@id": url}}
        if not expand:
            return result
        result["implementation-status"].update(
            {
                "status": current_status(self.context),
                # Newest first, as the timeline on the page.
                "history": list(reversed(history(self.context))),
            }
        )
        return result


class ImplementationStatusGet(Service):
    """The measure's implementation status and its timeline, newest first."""

    def reply(self) -> dict:
        component = ImplementationStatus(self.context, self.request)
        return component(expand=True)["implementation-status"]
