"""POST ``<measure>/@implementation-status``: change the status, saying why."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from traite_portal.ministries.history import change_error
from traite_portal.ministries.history import current_status
from traite_portal.ministries.history import history
from traite_portal.ministries.history import set_status
from traite_portal.services.errors import error_answer
from zope.interface import alsoProvides


class ImplementationStatusPost(Service):
    """Body ``{"status": token, "comment": "…"}``; 400 with a French message."""

    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        if not isinstance(data, dict):
            data = {}
        status = data.get("status")
        comment = data.get("comment")
        if not isinstance(comment, str):
            comment = ""
        error = change_error(self.context, status, comment)
        if error is not None:
            return error_answer(self.request, error)
        entry = set_status(self.context, status, comment.strip())
        return {
            "@id": f"{self.context.absolute_url()}/@implementation-status",
            "status": current_status(self.context),
            "entry": entry,
            "history": list(reversed(history(self.context))),
        }
