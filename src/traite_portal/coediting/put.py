"""Plain HTTP ``PUT`` is refused (405): nothing in the portal uses it.

Zope answers ``PUT`` on any object with WebDAV's ``PUT``, which rewrites an
item's fields from an RFC 822 body (or creates an item under a new name),
outside the edit forms, the REST validation, ``If-Match`` and the
versioning of a save. plone.restapi's own ``PUT`` services (``@types``…)
stay.
"""

from functools import cache
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IService
from traite_portal import _
from zExceptions import MethodNotAllowed
from zope.component import getGlobalSiteManager
from zope.i18n import translate
from zope.traversing.interfaces import IBeforeTraverseEvent
from ZPublisher.interfaces import IPubAfterTraversal

import re


# What a content URL answers (REST writes and the Classic forms' POST).
ALLOWED = "GET, HEAD, POST, PATCH, DELETE, OPTIONS"
_PUT_SERVICE = re.compile(r"^PUT_[^_/]+_[^_/]+_(?P<name>.*)$")


@cache
def put_service_names() -> frozenset[str]:
    """Names of the registered plone.rest ``PUT`` services (``@types``…)."""
    names = set()
    for registration in getGlobalSiteManager().registeredAdapters():
        match = _PUT_SERVICE.match(registration.name or "")
        if match is not None:
            names.add(match["name"])
    return frozenset(names)


def _refuse(request) -> None:
    request.response.setHeader("Allow", ALLOWED)
    message = _(
        "error_put_not_allowed",
        default="Le portail n'accepte pas la méthode HTTP PUT : modifiez un "
        "élément par l'API REST (PATCH) ou par son formulaire de modification.",
    )
    raise MethodNotAllowed(translate(message, context=request))


def _is_put(request) -> bool:
    return request.get("REQUEST_METHOD", "GET").upper() == "PUT"


def refuse_plain_put(site, event: IBeforeTraverseEvent) -> None:
    """Refuse, when traversal enters the site, a ``PUT`` naming no PUT service.

    Before the rest of the traversal and the login, so that a ``PUT`` to a
    new name or by an anonymous client gets the same answer (Zope would
    otherwise traverse to a placeholder and ask for a login). A publisher
    event cannot do it: one raised at ``IPubStart`` escapes ZPublisher's
    error handling.
    """
    request = event.request
    if not _is_put(request):
        return
    names = put_service_names()
    if "" in names:  # an unnamed PUT service: only the final check can tell
        return
    if names.isdisjoint(request.get("PATH_INFO", "").split("/")):
        _refuse(request)


def refuse_put_without_service(event: IPubAfterTraversal) -> None:
    """Refuse a ``PUT`` that reached anything but a plone.rest service."""
    request = event.request
    if _is_put(request) and not IService.providedBy(request.get("PUBLISHED")):
        _refuse(request)


class MethodNotAllowedView(ErrorHandling):
    """The 405 as plone.rest renders errors, with its French message, for any
    client (Plone's own error view sends only the error's name to non-HTML
    clients such as WebDAV's)."""
