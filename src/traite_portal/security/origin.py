"""Cross-site requests: a REST write sent with a browser's own credentials must
come from the portal's pages.

A browser adds the session cookie (``__ac``), and Basic credentials it has
cached, to any request, including a ``Content-Type: text/plain`` POST that
another site's page makes without a CORS preflight; plone.restapi reads the
JSON body whatever its type. So every REST write (every method but the safe
ones, on any plone.rest service: plone.restapi's and the portal's) carrying
such credentials is checked, after traversal and before the service runs:

1. an ``Origin`` header must be the portal's own origin (the URL the request
   was made to, virtual hosting included) or one a CORS policy admits with
   credentials;
2. without ``Origin``, a ``Referer`` must point to that same origin;
3. with neither, a cookie POST must have a non-simple ``Content-Type``
   (``application/json``): no page on another site could send one without
   a preflight. Other methods always need a preflight.

A client authenticated by ``Authorization: Bearer`` (a JWT it sends itself) is
not concerned, nor a script using Basic auth (it sends no ``Origin``).
"""

from Acquisition import aq_base
from plone.rest.interfaces import IAPIRequest
from plone.rest.interfaces import ICORSPolicy
from plone.rest.interfaces import IService
from traite_portal import _
from traite_portal.coediting.preconditions import SAFE_METHODS
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.component import queryMultiAdapter
from zope.component.hooks import getSite
from zope.i18n import translate
from ZPublisher.interfaces import IPubAfterTraversal


# The session cookie of plone.session, whatever the site calls it, is read
# from the PAS plugins; this is Plone's default name.
DEFAULT_COOKIE = "__ac"
# Content types a cross-site form or fetch may send without a preflight
# (the Fetch standard's CORS-safelisted request headers).
SIMPLE_CONTENT_TYPES = frozenset(
    ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: str | None) -> str | None:
    """``scheme://host[:port]`` of a URL, normalized; None if it has none."""
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    netloc = parts.hostname.lower()
    if port is not None and port != DEFAULT_PORTS[parts.scheme]:
        netloc = f"{netloc}:{port}"
    return f"{parts.scheme}://{netloc}"


def credential_cookies() -> set[str]:
    """Names of the cookies that log a user in (plone.session's and others)."""
    names = {DEFAULT_COOKIE}
    plugins = getattr(getSite(), "acl_users", None)
    for plugin in getattr(plugins, "objectValues", list)():
        name = getattr(aq_base(plugin), "cookie_name", None)
        if isinstance(name, str) and name:
            names.add(name)
    return names


def ambient_credentials(request) -> str | None:
    """``"cookie"`` or ``"basic"`` when a browser could have added the
    credentials by itself; None for a bearer token or no credentials."""
    authorization = request._auth or ""
    if authorization:
        return "basic" if authorization.lower().startswith("basic ") else None
    cookies = request.cookies
    return "cookie" if any(cookies.get(n) for n in credential_cookies()) else None


def trusted(request, origin: str | None) -> bool:
    """The portal's own origin, or one a CORS policy admits with credentials."""
    if origin is None:
        return False
    if origin == origin_of(request.get("SERVER_URL")):
        return True
    context = getattr(request.get("PUBLISHED"), "context", None)
    policy = queryMultiAdapter((context, request), ICORSPolicy)
    allowed = getattr(policy, "allow_origin", None) or ()
    # "*" admits any page: never with the user's own credentials.
    return bool(getattr(policy, "allow_credentials", False)) and origin in {
        origin_of(value) for value in allowed if value != "*"
    }


def cross_site(request, credentials: str) -> bool:
    """Whether the write may have been sent by another site's page."""
    origin = request.getHeader("Origin")
    if origin is not None:
        return not trusted(request, origin_of(origin))
    referer = request.getHeader("Referer")
    if referer:
        return not trusted(request, origin_of(referer))
    if credentials == "basic" or request.get("REQUEST_METHOD") != "POST":
        return False
    content_type = (request.getHeader("Content-Type") or "").split(";")[0]
    return content_type.strip().lower() in SIMPLE_CONTENT_TYPES | {""}


def refuse_cross_site_write(event: IPubAfterTraversal) -> None:
    """403 for a REST write sent with ambient credentials from another site."""
    request = event.request
    if request.get("REQUEST_METHOD", "GET").upper() in SAFE_METHODS:
        return
    if not (
        IAPIRequest.providedBy(request) or IService.providedBy(request.get("PUBLISHED"))
    ):
        return
    credentials = ambient_credentials(request)
    if credentials is None or not cross_site(request, credentials):
        return
    message = _(
        "error_cross_site_write",
        default="Requête refusée : une modification envoyée avec le cookie de "
        "session (ou l'identification du navigateur) doit venir des pages du "
        "portail (${origin}). Un script s'identifie par HTTP Basic ou par un "
        "jeton (Authorization: Bearer) et envoie du JSON.",
        mapping={"origin": origin_of(request.get("SERVER_URL")) or ""},
    )
    raise Forbidden(translate(message, context=request))
