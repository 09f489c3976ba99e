"""Every plone.rest write service that applies to an item, from the registry.

plone.rest registers a service as a named multi-adapter ``(context, layer)``
named ``<METHOD>_<type>_<subtype>_<name>`` (``POST_application_json_@lock``).
Asking the component registry for them at test time means a new write
service (ours or a new plone.restapi's) is covered without editing a test.
"""

from plone.browserlayer.utils import registered_layers
from zope.component import getGlobalSiteManager
from zope.component import getSiteManager
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

import re


WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
_SERVICE_NAME = re.compile(
    r"^(?P<method>" + "|".join(WRITE_METHODS) + r")_application_json_(?P<name>.*)$"
)


def _registrations(site):
    seen = set()
    for registry in (getSiteManager(site), getGlobalSiteManager()):
        for registration in registry.registeredAdapters():
            key = (registration.required, registration.name)
            if key not in seen:
                seen.add(key)
                yield registration


def _active_layers() -> tuple:
    return (IDefaultBrowserLayer, *registered_layers())


def write_services(item) -> list[tuple[str, str]]:
    """``(method, name)`` of every JSON write service callable on ``item``.

    ``name`` is ``""`` for the item itself (``PATCH``/``DELETE``/``POST``).
    """
    layers = _active_layers()
    found = set()
    for registration in _registrations(item):
        match = _SERVICE_NAME.match(registration.name or "")
        if match is None or len(registration.required) != 2:
            continue
        context, layer = registration.required
        if not context.providedBy(item):
            continue
        if not any(active.isOrExtends(layer) for active in layers):
            continue
        found.add((match["method"], match["name"]))
    return sorted(found)
