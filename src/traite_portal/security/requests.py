"""Check a REST request's input before the service runs (after traversal).

One place for every service, the core ones included: the JSON body is read
safely (``json_body``), then checked against the service's table entry
(``service_bodies``), a content write against the item's schemas
(``content_bodies``), a search's query string against the catalog
(``query_params``). A problem is a 400 with a French message; nothing has
been written yet.
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
from zExceptions import BadRequest
from zope.i18n import translate


BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Bodies that are not JSON: file uploads (tus), HTML forms.
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
NOT_JSON = ("application/offset+octet-stream", *FORMS)
DEPTH_ERROR = "traite_portal.security.depth_error"
# Services that need an id after their name (``@users/<id>``).
NEED_PATH_PARAMETER = {
    ("DELETE", "@users"),
    ("PATCH", "@users"),
    ("DELETE", "@groups"),
    ("PATCH", "@groups"),
}


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


def missing_path_parameter(name: str):
    return _(
        "error_missing_path_parameter",
        default="Identifiant manquant dans l'adresse : ${name}/<identifiant>.",
        mapping={"name": name},
    )


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
    if not body.strip():
        # plone.restapi reads an empty body as {}: check that against the table.
        error = body_error(method, name, {})
        if error is not None:
            _refuse([error], request)
        return
    if not _looks_like_json(request, body):
        return
    data = parse_json_body(body, request)
    error = body_error(method, name, data)
    if error is not None:
        _refuse([error], request)
    adding = _content_write(published.context, method, name)
    if adding is not None:
        errors = content_write_errors(published.context, data, adding)
        if errors:
            _refuse(errors, request)


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
    if service in NEED_PATH_PARAMETER and not getattr(published, "params", None):
        _refuse([missing_path_parameter(name)], request)
    errors = parameter_errors(method, name, published.context, dict(request.form))
    if errors:
        _refuse(errors, request)
    if method in BODY_METHODS:
        _check_body(request, published, method, name)
