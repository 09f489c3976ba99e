"""Read a REST request's JSON body safely: UTF-8, bounded nesting, valid JSON.

Python's ``json`` module recurses once per nesting level, so a body nested
thousands deep raises ``RecursionError`` (a 500) inside plone.restapi's
``json_body``; the depth is therefore measured before parsing.
"""

from traite_portal import _
from traite_portal.security.limits import limit
from traite_portal.security.limits import limit_message
from zExceptions import BadRequest
from zope.i18n import translate

import json
import re


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth_exceeds(body: bytes, maximum: int) -> bool:
    """Whether the objects and arrays of ``body`` nest deeper than ``maximum``."""
    if body.count(b"[") + body.count(b"{") <= maximum:
        return False  # fast path: not even that many brackets
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', body)):
        depth += 1 if match.group() in (b"[", b"{") else -1
        if depth > maximum:
            return True
    return False


def refuse(message, request) -> None:
    """Raise a 400 whose message is ``message`` in the request's language."""
    raise BadRequest(translate(message, context=request))


def parse_json_body(body: bytes, request) -> object:
    """The parsed body, or a 400 with a French message saying what is wrong."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        refuse(
            _(
                "error_body_not_utf8",
                default="Corps de la requête illisible : il doit être en UTF-8.",
            ),
            request,
        )
    maximum = limit("json_depth").value
    if json_depth_exceeds(body, maximum):
        refuse(limit_message("json_depth", maximum + 1), request)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        refuse(
            _(
                "error_body_not_json",
                default="Corps de la requête invalide : JSON attendu (erreur ligne "
                "${line}, colonne ${column}).",
                mapping={"line": error.lineno, "column": error.colno},
            ),
            request,
        )
    except ValueError:  # NaN, Infinity, or an integer of thousands of digits
        refuse(
            _(
                "error_body_bad_number",
                default="Corps de la requête invalide : nombre non représentable "
                "(NaN, Infinity ou trop de chiffres).",
            ),
            request,
        )


def _no_constant(name: str):
    raise ValueError(name)
