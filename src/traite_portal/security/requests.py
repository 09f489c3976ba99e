"""Check a REST request's input before the service runs (after traversal).

One place for every service, the core ones included: the path segments after
the service's name (``service_paths``), the JSON body read safely
(``json_body``), then checked against the service's table entry
(``service_bodies``) and the site (``service_values``), a content write
against the item's schemas (``content_bodies``), a search's query string
against the catalog (``query_params``). A problem is a 400 with a French
message; nothing has been written yet.
"""

from plone.dexterity.interfaces import IDexterityContainer
from plone.dexterity.interfaces import IDexterityContent
from plone.rest.interfaces import IAPIRequest
from Products.CMFCore.interfaces import ISiteRoot
from traite_portal import _
from traite_portal.security.content_bodies import content_write_errors
from traite_portal.security.json_body import json_depth_exceeds
from traite_portal.security.json_body import parse_json_body
from traite_portal.security.limits import limit
from traite_portal.security.limits import limit_message
from traite_portal.security.query_params import parameter_errors
from traite_portal.security.service_bodies import body_error
from traite_portal.security.service_paths import path_error
from traite_portal.security.service_values import value_errors
from zExceptions import BadRequest
from zExceptions import MethodNotAllowed
from zope.i18n import translate


BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Bodies that are not JSON: file uploads (tus), HTML forms.
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
NOT_JSON = ("application/offset+octet-stream", *FORMS)
DEPTH_ERROR = "traite_portal.security.depth_error"


def service_of(published) -> tuple[str, str] | None:
    """(HTTP method, service name) of a plone.rest service, e.g. ("POST", "@lock").

    plone.rest names the service's class ``<METHOD>_<type>_<subtype>_<name>``;
    a content item's own GET/PATCH and a folder's POST have an empty name.
    """
    method = getattr(published, "method", None)
    name = getattr(published, "__name__", "") or ""
    if not isinstance(method, str) or not name.startswith(f"{method}_"):
        return None
    return method, name.split("_", 3)[3]


def _looks_like_json(request, body: bytes) -> bool:
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip()
    if content_type.lower() in NOT_JSON:
        return False
    return "json" in content_type.lower() or body.lstrip()[:1] in (b"{", b"[")


def _refuse(errors, request) -> None:
    messages = [translate(error, context=request) for error in errors]
    raise BadRequest(" ".join(messages))


def _content_write(context, method: str, name: str) -> bool | None:
    """True for a POST that adds content, False for a PATCH, None otherwise."""
    if name:
        return None
    if method == "PATCH" and IDexterityContent.providedBy(context):
        return False
    if method == "POST" and (
        IDexterityContainer.providedBy(context) or ISiteRoot.providedBy(context)
    ):
        return True
    return None


def _body(request) -> bytes:
    body = request.get("BODY") or b""
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogateescape")
    return body


def guard_json_depth(site, event) -> None:
    """Traversing the site: set aside a body nested too deep, before anyone
    parses it.

    Authentication parses JSON bodies (plone.restapi's JWT plugin looks for
    a login in them) at the end of traversal: a deep body would be a
    ``RecursionError`` there. It is replaced by an empty one and refused
    after traversal, when the answer can be a REST error.
    """
    request = event.request
    if request.get("REQUEST_METHOD", "GET").upper() not in BODY_METHODS:
        return
    content_type = (request.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
    if content_type in FORMS:
        return
    maximum = limit("json_depth").value
    if json_depth_exceeds(_body(request), maximum):
        request.other["BODY"] = b""
        request.other[DEPTH_ERROR] = limit_message("json_depth", maximum + 1)


def _check_body(request, published, method: str, name: str) -> None:
    body = _body(request)
    params = getattr(published, "params", None) or ()
    if body.strip() and not _looks_like_json(request, body):
        return
    # plone.restapi reads an empty body as {}: check that against the table.
    data = parse_json_body(body, request) if body.strip() else {}
    error = body_error(method, name, data, params)
    if error is not None:
        _refuse([error], request)
    errors = value_errors(method, name, published.context, data, params)
    if errors:
        _refuse(errors, request)
    if not body.strip():
        return
    adding = _content_write(published.context, method, name)
    if adding is not None:
        errors = content_write_errors(published.context, data, adding)
        if errors:
            _refuse(errors, request)


def refuse_deleting_the_site(published, request) -> None:
    """``DELETE`` on the site root would remove the whole portal (plone.restapi
    deletes any ``IContentish``, and the site root is one): 405."""
    if ISiteRoot.providedBy(published.context):
        message = _(
            "error_delete_site",
            default="Le portail lui-même ne peut pas être supprimé par l'API REST.",
        )
        raise MethodNotAllowed(translate(message, context=request))


def check_rest_input(event) -> None:
    """``IPubAfterTraversal``: refuse bad input to a REST service with a 400."""
    request = event.request
    if request.other.get(DEPTH_ERROR) is not None:
        _refuse([request.other[DEPTH_ERROR]], request)
    if not IAPIRequest.providedBy(request):
        return
    published = request.get("PUBLISHED")
    service = service_of(published)
    if service is None:
        return
    method, name = service
    if (method, name) == ("DELETE", ""):
        refuse_deleting_the_site(published, request)
    error = path_error(method, name, getattr(published, "params", None))
    if error is not None:
        _refuse([error], request)
    errors = parameter_errors(method, name, published.context, dict(request.form))
    if errors:
        _refuse(errors, request)
    if method in BODY_METHODS:
        _check_body(request, published, method, name)
