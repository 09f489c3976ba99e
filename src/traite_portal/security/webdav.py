"""WebDAV is off: its HTTP methods answer 405 with a French message.

Nothing in the portal uses WebDAV (pages and plone.restapi read and write
everything), and Zope's WebDAV ignores what the portal guards: a ``PROPFIND``
on a draft answered its title to any logged-in user. The methods are refused
when traversal reaches the site, before anything is authenticated, whoever
asks (a subscriber of ``IPubStart`` cannot answer: its exception escapes
Zope's error handling as a 500). plone.restapi's
``@lock`` service is a ``POST`` / ``DELETE`` on ``…/@lock``, not ``LOCK``: it
is unaffected. ``PUT`` is not WebDAV-only and is left to ``writes.zcml``.
"""

from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from traite_portal import _
from zExceptions import MethodNotAllowed as HTTPMethodNotAllowed
from zope.i18n import translate
from zope.traversing.interfaces import IBeforeTraverseEvent
from ZPublisher.interfaces import IPubBeforeCommit

import json


# Zope's TRACE comes with its WebDAV support (webdav.Resource): it echoes
# the request, cookies and Authorization included (cross-site tracing).
WEBDAV_METHODS = frozenset(
    ("PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "TRACE")
)
# What a 405 must list (RFC 9110, 15.5.6): the methods the portal serves.
ALLOWED_METHODS = "GET, HEAD, POST, PATCH, DELETE, OPTIONS"


class MethodNotAllowed(HTTPMethodNotAllowed):
    """A WebDAV method was sent.

    Named after the HTTP reason phrase: ZPublisher maps an exception class
    name to its status code (405).
    """


def refuse_webdav(site, event: IBeforeTraverseEvent) -> None:
    """Refuse WebDAV's methods when traversal enters the site."""
    method = event.request.get("REQUEST_METHOD", "").upper()
    if method in WEBDAV_METHODS:
        error = MethodNotAllowed(method)
        error.setHeader("Allow", ALLOWED_METHODS)
        raise error


def answer_options_without_webdav(event: IPubBeforeCommit) -> None:
    """An ``OPTIONS`` answer lists the portal's methods, not WebDAV's."""
    request = event.request
    response = request.response
    if request.get("REQUEST_METHOD") != "OPTIONS":
        return
    # Zope sets DAV with its literal case: look both ways.
    if not (response.getHeader("DAV", literal=1) or response.getHeader("DAV")):
        return
    response.setHeader("Allow", ALLOWED_METHODS)
    for header in ("DAV", "dav", "Public", "public", "MS-Author-Via", "ms-author-via"):
        response.headers.pop(header, None)


class MethodNotAllowedView(BrowserView):
    """The answer to a refused WebDAV method: 405, ``Allow`` and why."""

    def __call__(self) -> str:
        request = self.request
        method = str(self.context)
        message = translate(
            _(
                "error_webdav_disabled",
                default="La méthode ${method} (WebDAV) n'est pas disponible "
                "sur ce portail : consultez et modifiez les contenus par ses "
                "pages ou par son API REST.",
                mapping={"method": method},
            ),
            context=request,
        )
        response = request.response
        response.setStatus(405)
        response.setHeader("Allow", ALLOWED_METHODS)
        if IAPIRequest.providedBy(request) or "json" in request.getHeader("Accept", ""):
            response.setHeader("Content-Type", "application/json")
            return json.dumps({"type": "MethodNotAllowed", "message": message})
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return message
