"""The generated bad input: which services exist, and what to send each of them.

Services are enumerated from the component registry at test time (every
plone.rest service registered for the site root or an item of the portal's
types, with a layer the site uses); the malformed bodies and parameters are
generated deterministically from the services' body table and the items'
schemas, so a new service or field is covered without editing the tests.
"""

from dataclasses import dataclass
from plone.browserlayer.utils import registered_layers
from plone.dexterity.utils import iterSchemata
from traite_portal.security.service_bodies import BODIES
from zope.component import getGlobalSiteManager
from zope.interface import providedBy
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.schema import getFields

import itertools
import re


SERVICE_NAME = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)_application_json_(.*)$")


@dataclass(frozen=True)
class Service:
    """One REST service on one target item."""

    method: str
    name: str
    target: str  # key of the targets mapping


@dataclass(frozen=True)
class Case:
    """One malformed request: query parameters or a body and its type."""

    label: str
    params: dict | None = None
    body: bytes | None = None
    content_type: str | None = None


def services(targets: dict) -> list[Service]:
    """Every REST service registered for one of the targets, on the site root
    if it serves it and on the first item (in the mapping's order) it serves."""
    layers = {IDefaultBrowserLayer, *registered_layers()}
    found = {}
    for registration in getGlobalSiteManager().registeredAdapters():
        match = SERVICE_NAME.match(registration.name or "")
        if match is None or registration.required[1] not in layers:
            continue
        method, name = match.groups()
        served = [
            key
            for key, target in targets.items()
            if providedBy(target).isOrExtends(registration.required[0])
        ]
        chosen = [key for key in served if key == "site"]
        chosen += [key for key in served if key != "site"][:1]
        for key in chosen:
            found.setdefault((method, name, key), Service(method, name, key))
    return sorted(found.values(), key=lambda s: (s.name, s.method, s.target))


# Values of the wrong JSON type for any field, cycled through the keys.
WRONG_VALUES = [
    5,
    -1,
    1e308,
    True,
    None,
    [],
    {},
    [[{"a": [1]}]],
    "²",
    "x" * 3000,
    {"data": None},
    ["a", 5, None],
    -(2**70),
]

# Parameters every service reads (paging, versions, expansion)…
BAD_PARAMETERS = [
    {"b_size": "-1"},
    {"b_start": "abc"},
    {"version": "²"},
    {"limit": "1e308"},
    {"fullobjects": "maybe"},
    {"expand": "\x00" + "x" * 300},
]
# … and those of the catalog searches.
BAD_SEARCH_PARAMETERS = [
    {"sort_on": "SearchableText"},
    {"created": "2010-13-45"},
    {"path.depth": "abc"},
    {"SearchableText": "(("},
    {"SearchableText": "*ab"},
    {"metadata_fields": "x" * 300},
]
SEARCHES = {"@search", "@querystring-search"}

JSON = "application/json"
RAW_BODIES = [
    Case("not JSON", body=b"{", content_type=JSON),
    Case("invalid UTF-8", body=b'{"title": "\xff\xfe"}', content_type=JSON),
    Case("empty", body=b"", content_type=JSON),
    Case("nested 5000 deep", body=b"[" * 5000 + b"]" * 5000, content_type=JSON),
    Case("array", body=b"[1, 2]", content_type=JSON),
    Case("NaN", body=b'{"a": NaN}', content_type=JSON),
    Case("huge number", body=b'{"a": ' + b"9" * 5000 + b"}", content_type=JSON),
    Case("text/plain JSON", body=b'{"text": 5}', content_type="text/plain"),
    Case(
        "form body",
        body=b"title=%ff&text:int=abc",
        content_type="application/x-www-form-urlencoded",
    ),
    Case("multipart, no boundary", body=b"--x--", content_type="multipart/form-data"),
]


def _json_body(data) -> bytes:
    import json

    return json.dumps(data).encode()


def field_names(method: str, name: str, target) -> list[str]:
    """The keys the service reads: its body table entry, or the target's fields
    for a content write (and ``@type`` for an add)."""
    schema = BODIES.get((method, name))
    if schema is not None:
        return sorted(schema.get("properties", {})) or ["data"]
    if name == "" and method in ("PATCH", "POST"):
        names = [n for s in iterSchemata(target) for n in getFields(s)]
        return sorted(set(names)) + (["@type"] if method == "POST" else [])
    return ["data", "text", "title", "comment", "items"]


def json_cases(method: str, name: str, target, most: int = 4) -> list[Case]:
    """One body per key with a wrong value (cycled), and one with all of them
    (at most ``most`` keys, spread over the list, to bound the run)."""
    keys = field_names(method, name, target)
    keys = keys[:: max(1, len(keys) // most)][:most]
    values = itertools.cycle(WRONG_VALUES)
    wrong = {key: next(values) for key in keys}
    cases = [
        Case(f"{key}={value!r:.30}", body=_json_body({key: value}))
        for key, value in wrong.items()
    ]
    cases.append(Case("every key wrong", body=_json_body(wrong)))
    return [Case(case.label, body=case.body, content_type=JSON) for case in cases]


def cases(service: Service, target) -> list[Case]:
    """The malformed requests for one service."""
    bad = BAD_PARAMETERS + (BAD_SEARCH_PARAMETERS if service.name in SEARCHES else [])
    parameters = [Case(f"params {p!r:.40}", params=p) for p in bad]
    if service.method == "GET":
        return parameters
    return [
        *parameters[:1],
        *RAW_BODIES,
        *json_cases(service.method, service.name, target),
    ]
