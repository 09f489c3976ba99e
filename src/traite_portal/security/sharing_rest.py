"""REST ``POST @sharing``: the sharing page's rules, said out loud.

plone.restapi silently drops the roles a user may not delegate (204, nothing
changed); this deserializer refuses the request instead, with the sharing
page's French message (403), before anything is written. A body that is not
``{"entries": [{"id": …, "roles": {…}}], "inherit": …}`` is a 400.
"""

from AccessControl.interfaces import IRoleManager
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.local_roles import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from traite_portal import _
from traite_portal.interfaces import IBrowserLayer
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import implementer


def requested_entries(data) -> list[tuple[str, set[str]]]:
    """``(principal id, roles set to true)`` of a ``@sharing`` body."""
    entries = data.get("entries") or []
    if not isinstance(entries, list):
        raise ValueError("entries")
    requested = []
    for entry in entries:
        roles = entry.get("roles") if isinstance(entry, dict) else None
        if not isinstance(roles, dict) or not isinstance(entry.get("id"), str):
            raise ValueError("entry")
        requested.append((entry["id"], {role for role, on in roles.items() if on}))
    return requested


@implementer(IDeserializeFromJson)
@adapter(IRoleManager, IBrowserLayer)
class LocalRolesFromJson(DeserializeFromJson):
    """Refuse a sharing change the sharing page would refuse, then apply it."""

    def __call__(self):
        data = json_body(self.request)  # not an object: plone.restapi's 400
        try:
            entries = requested_entries(data)
        except ValueError:
            message = _(
                "sharing_bad_request",
                default="Corps de la requête invalide : attendu "
                '{"entries": [{"id": "…", "type": "user", "roles": '
                '{"Reader": true}}], "inherit": true}.',
            )
            raise BadRequest(translate(message, context=self.request)) from None
        view = getMultiAdapter((self.context, self.request), name="sharing")
        message = view.refusal(entries)
        if message is None and "inherit" in data:
            message = view.inherit_refusal(data["inherit"])
        if message:
            raise Forbidden(message)
        return super().__call__()
