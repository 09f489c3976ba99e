"""Conditional REST requests on the portal's items: ETag, If-Match, If-None-Match.

Two publisher event subscribers wrap plone.restapi's services without
replacing them: after traversal, any write (every method but the safe ones)
on a portal item whose ``If-Match`` no longer matches the item is refused
with 412 before the service, view or method runs, and a malformed
``If-Match`` with 400; before the commit, the item's representation (GET,
and the answer of a PATCH) gets its ``ETag``, and a GET whose
``If-None-Match`` matches becomes a 304.
"""

from plone.rest.interfaces import IAPIRequest
from plone.rest.interfaces import IService
from plone.restapi.services.content.get import ContentGet
from plone.restapi.services.content.update import ContentPatch
from traite_portal import _
from traite_portal.coediting.etag import compute_etag
from traite_portal.coediting.etag import if_match_fails
from traite_portal.coediting.etag import if_none_match_hits
from traite_portal.coediting.etag import MalformedPrecondition
from traite_portal.interfaces import ITraiteContent
from zExceptions import BadRequest
from zExceptions import HTTPPreconditionFailed
from zope.i18n import translate
from ZPublisher.interfaces import IPubAfterTraversal
from ZPublisher.interfaces import IPubBeforeCommit


# RFC 9110, 9.2.1 (and WebDAV's PROPFIND): methods that change nothing.
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "TRACE", "PROPFIND"))


class PreconditionFailed(HTTPPreconditionFailed):
    """The item changed since the client read it.

    Named after the HTTP reason phrase: ZPublisher maps an exception class
    name to its status code (412), plone.rest renders it as JSON.
    """


def published_item(request, service_types=None):
    """The portal item a REST service is called on, or None."""
    if not IAPIRequest.providedBy(request):
        return None
    published = request.get("PUBLISHED")
    if not IService.providedBy(published):
        return None
    if service_types is not None and not isinstance(published, service_types):
        return None
    item = getattr(published, "context", None)
    return item if ITraiteContent.providedBy(item) else None


def named_item(request):
    """The portal item a request acts on, whatever publishes it, or None.

    A REST service or a browser view acts on its ``context``, a published
    method (``item/PUT``) on the object it is bound to.
    """
    published = request.get("PUBLISHED")
    for candidate in (
        published,
        getattr(published, "context", None),
        getattr(published, "__self__", None),
    ):
        if ITraiteContent.providedBy(candidate):
            return candidate
    return None


def refuse_stale_write(event: IPubAfterTraversal) -> None:
    """Answer 412 to a write whose ``If-Match`` is out of date, 400 if malformed."""
    request = event.request
    if request.get("REQUEST_METHOD", "GET").upper() in SAFE_METHODS:
        return
    # Present but empty is not absent: an empty list matches nothing.
    header = request.getHeader("If-Match")
    if header is None:
        return
    item = named_item(request)
    if item is None:
        return
    current = compute_etag(item)
    try:
        stale = if_match_fails(header, current)
    except MalformedPrecondition:
        message = _(
            "error_if_match_malformed",
            default="L'en-tête If-Match est invalide : il contient soit « * » "
            "seul, soit une liste d'ETags entre guillemets droits séparés par des "
            'virgules (par exemple "abc", "def"). Rien n\'a été modifié.',
        )
        raise BadRequest(translate(message, context=request)) from None
    if stale:
        request.response.setHeader("ETag", current)
        message = _(
            "error_item_changed",
            default="L'élément a été modifié depuis votre dernière lecture "
            "(l'en-tête If-Match ne correspond plus à son ETag). Relisez-le, "
            "puis renvoyez votre modification.",
        )
        raise PreconditionFailed(translate(message, context=request))


def add_etag(event: IPubBeforeCommit) -> None:
    """Set the ``ETag`` of a served item; 304 when ``If-None-Match`` matches."""
    request = event.request
    method = request.get("REQUEST_METHOD")
    if method not in ("GET", "HEAD", "PATCH"):
        return
    response = request.response
    if response.getStatus() >= 300:
        return
    item = published_item(request, (ContentGet, ContentPatch))
    if item is None:
        return
    etag = compute_etag(item)
    response.setHeader("ETag", etag)
    if method != "PATCH" and if_none_match_hits(
        request.getHeader("If-None-Match"), etag
    ):
        response.setStatus(304)
        response.setBody(b"")
