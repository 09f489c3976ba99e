"""Everything published for an item, asked from the component registry at test time.

Browser views and plone.rest services are named multi-adapters of (the
item's interfaces, a request layer); skin scripts and templates are the
objects of the skin layers, reachable from any item by acquisition. A view
or service added by any package is enumerated here without editing a test.
"""

from plone.browserlayer.utils import registered_layers
from plone.rest.interfaces import IService
from typing import NamedTuple
from urllib.parse import quote
from zope.component import getSiteManager
from zope.interface import Interface
from zope.interface import providedBy
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.publisher.interfaces.browser import IBrowserView


REST_METHODS = frozenset(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))
# Methods the column sends without a body; the others get an empty JSON
# object, which no service of an item accepts as a complete request.
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))


class Endpoint(NamedTuple):
    """One thing published for an item: how to ask for it."""

    kind: str  # "view", "service" or "skin"
    method: str
    path: str  # relative to the item's URL
    accept: str

    def label(self) -> str:
        return f"{self.method} {self.path or '(item)'} [{self.accept}]"


def _registrations(registry, seen=None):
    """Every adapter registration of a registry and of its bases."""
    seen = set() if seen is None else seen
    if id(registry) in seen:
        return
    seen.add(id(registry))
    yield from registry.registeredAdapters()
    for base in registry.__bases__:
        yield from _registrations(base, seen)


def _is_request_layer(spec) -> bool:
    return spec.isOrExtends(IBrowserRequest) or spec in registered_layers()


def _named_request_adapters(item):
    """Every named adapter registration of (item, request)."""
    spec = providedBy(item)
    for registration in _registrations(getSiteManager()):
        required = registration.required
        if len(required) != 2 or not registration.name:
            continue
        if spec.isOrExtends(required[0]) and _is_request_layer(required[1]):
            yield registration


def _service(name: str) -> Endpoint | None:
    """A plone.rest service from its adapter name (``GET_application_json_@x``)."""
    parts = name.split("_", 3)
    if len(parts) != 4 or parts[0] not in REST_METHODS:
        return None
    method, kind, subtype, service = parts
    return Endpoint("service", method, service, f"{kind}/{subtype}")


def browser_views(item) -> list[Endpoint]:
    """Every named browser view of the item (``@@name``), each once."""
    names = set()
    for registration in _named_request_adapters(item):
        provided = registration.provided
        if _service(registration.name) is None and (
            provided is Interface or provided.isOrExtends(IBrowserView)
        ):
            names.add(registration.name)
    return [Endpoint("view", "GET", f"@@{quote(name)}", "*/*") for name in names]


def rest_services(item) -> list[Endpoint]:
    """Every plone.rest service registered for the item, with its method."""
    services = set()
    for registration in _named_request_adapters(item):
        service = _service(registration.name)
        factory = registration.factory
        if service is not None and IService.implementedBy(factory):
            services.add(service)
    return sorted(services)


def skin_objects(portal) -> list[Endpoint]:
    """The scripts, templates and images of the skin, acquired from any item."""
    skins = portal.portal_skins
    ids = set()
    for layer in skins.getSkinPath(skins.getDefaultSkin()).split(","):
        folder = skins.unrestrictedTraverse(layer.strip(), None)
        if folder is not None and hasattr(folder, "objectIds"):
            ids.update(folder.objectIds())
    return [Endpoint("skin", "GET", quote(name), "*/*") for name in ids]


def endpoints(item, portal) -> list[Endpoint]:
    """Everything the column asks of an item, in a stable order."""
    found = [*browser_views(item), *rest_services(item), *skin_objects(portal)]
    return sorted(set(found))
