"""What a REST service expects after its name in the URL (one table).

Some services read path segments (``@users/<id>``, ``@addons/<id>/<action>``)
and fail with a 500 without them (``POST @addons`` raised « Unknown action
None »). The segments are checked before the service runs.
"""

from traite_portal import _
from typing import NamedTuple
from zope.i18nmessageid import Message

import re


class PathShape(NamedTuple):
    """The segments a service needs: a pattern, and how to say it in French."""

    pattern: str
    shape: str


ONE_ID = PathShape(r"[^/]+", "<identifiant>")

# (HTTP method, service name) → the segments after the name.
PATHS = {
    ("DELETE", "@users"): ONE_ID,
    ("PATCH", "@users"): ONE_ID,
    ("DELETE", "@groups"): ONE_ID,
    ("PATCH", "@groups"): ONE_ID,
    ("DELETE", "@webhooks"): ONE_ID,
    ("PATCH", "@webhooks"): ONE_ID,
    ("POST", "@content-rules"): PathShape(r"[^/]+", "<identifiant de la règle>"),
    ("POST", "@addons"): PathShape(
        r"[^/]+/(install|uninstall|upgrade|import/[^/]+)",
        "<module>/install, uninstall, upgrade ou import/<profil>",
    ),
}


def path_error(method: str, service: str, params) -> Message | None:
    """A French message when the URL lacks what the service reads after its name."""
    shape = PATHS.get((method, service))
    if shape is None:
        return None
    segments = "/".join(str(param) for param in params or ())
    if re.fullmatch(shape.pattern, segments):
        return None
    return _(
        "error_path_parameters",
        default="Adresse incomplète ou invalide : ${name}/${shape} est attendu.",
        mapping={"name": service, "shape": shape.shape},
    )
