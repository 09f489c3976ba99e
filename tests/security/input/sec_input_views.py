"""Browser views and the malformed requests the generated view test sends them.

Views are enumerated from the component registry at test time (every named
browser view registered for the site root or an item of the portal's types,
for a layer the site uses); a view registered once for many types (``*``,
``IContentish``…) is asked once, on the first target that has it. The query
strings and form bodies are generated from the view's own form fields (a
z3c.form page) and from the parameters Plone's pages read (batching, dates,
ids), with values of the wrong type.
"""

from dataclasses import dataclass
from plone.browserlayer.utils import registered_layers
from plone.rest.interfaces import IService
from urllib.parse import quote
from zope.component import getSiteManager
from zope.interface import Interface
from zope.interface import providedBy
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.publisher.interfaces.browser import IBrowserView
from zope.schema import getFieldNames

import itertools


@dataclass(frozen=True)
class View:
    """One browser view, on the target it is asked on."""

    name: str
    target: str  # key of the targets mapping
    fields: tuple[str, ...] = ()  # its z3c.form fields, if it is a form

    @property
    def path(self) -> str:
        return f"@@{quote(self.name)}"


def _form_fields(factory) -> tuple[str, ...]:
    """The field names of a z3c.form page (``form.widgets.<name>``)."""
    schema = getattr(factory, "schema", None)
    fields = getattr(factory, "fields", None)
    names = list(getattr(fields, "keys", list)()) if fields is not None else []
    if not names and isinstance(schema, type(Interface)):
        names = list(getFieldNames(schema))
    return tuple(sorted(names))


def _registrations(registry, seen: set):
    """Every adapter registration of a registry and of its bases (the test
    layers stack registries)."""
    if id(registry) in seen:
        return
    seen.add(id(registry))
    yield from registry.registeredAdapters()
    for base in registry.__bases__:
        yield from _registrations(base, seen)


def _is_request_layer(spec) -> bool:
    return spec.isOrExtends(IBrowserRequest) or spec in registered_layers()


def views(targets: dict) -> list[View]:
    """Every browser view of the targets, each factory once."""
    found = {}
    for registration in _registrations(getSiteManager(), set()):
        required, name = registration.required, registration.name
        if len(required) != 2 or not name or not _is_request_layer(required[1]):
            continue
        provided = registration.provided
        if not (provided is Interface or provided.isOrExtends(IBrowserView)):
            continue
        factory = registration.factory
        if isinstance(factory, type) and IService.implementedBy(factory):
            continue
        for key, target in targets.items():
            if providedBy(target).isOrExtends(required[0]):
                found.setdefault((name, key), View(name, key, _form_fields(factory)))
                break
    return sorted(found.values(), key=lambda view: (view.target, view.name))


# Parameters Plone's pages read from the request (batching, listings, search,
# events, versions, users and groups, portlets, images).
COMMON_PARAMETERS = (
    "b_start",
    "b_size",
    "start",
    "end",
    "date",
    "mode",
    "version_id",
    "version",
    "userid",
    "groupname",
    "key",
    "uid",
    "path",
    "sort_on",
    "SearchableText",
    "portal_type",
    "created",
    "limit",
    "searchstring",
    "fieldname",
    "scale",
)
WRONG_VALUES = ("abc", "-1", "9" * 40, "2010-13-45", "1e308", "", "²", "0")
# A raw query-string value that is not UTF-8.
NOT_UTF8 = "%FF%FE%C3"


@dataclass(frozen=True)
class ViewCase:
    """One malformed request to a view."""

    label: str
    method: str
    query: str = ""  # raw query string
    form: tuple = ()  # (key, value) pairs of a form body


def _keys(view: View) -> list[str]:
    return [f"form.widgets.{field}" for field in view.fields] + list(COMMON_PARAMETERS)


def view_cases(view: View) -> list[ViewCase]:
    """Wrong types (GET), arrays and invalid UTF-8 (GET), a form body (POST)."""
    keys = _keys(view)
    wrong = list(zip(keys, itertools.cycle(WRONG_VALUES)))
    arrays = "&".join(
        f"{quote(key)}={NOT_UTF8}&{quote(key)}=2&{quote(key)}:list=x" for key in keys
    )
    return [
        ViewCase(
            "wrong types",
            "GET",
            query="&".join(f"{quote(k)}={quote(v)}" for k, v in wrong),
        ),
        ViewCase("arrays, invalid UTF-8", "GET", query=arrays),
        ViewCase("form body", "POST", form=tuple(wrong)),
    ]
