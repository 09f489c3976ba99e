"""The JSON body each REST service expects, as JSON Schema (one table).

Core plone.restapi services index into their body without checking it
(``{"entries": "abc"}`` to ``@sharing`` is a 500); the portal's own services
are described here too, so that every shape error gets one French message.
Only the keys a service reads are described; others are left alone.
"""

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from traite_portal import _
from zope.i18nmessageid import Message


STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}
COUNT = {"type": "integer", "minimum": 0, "maximum": 2**31}
SIZE = {"type": "integer", "minimum": 1, "maximum": 2**31}
FLAG = {"type": ["boolean", "integer", "string"]}
NAMES = {"anyOf": [STRING, {"type": "array", "items": STRING}]}

# (HTTP method, service name) → schema of its body.
BODIES = {
    ("POST", "@sharing"): {
        "type": "object",
        "properties": {
            "inherit": BOOLEAN,
            "entries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "roles"],
                    "properties": {
                        "id": STRING,
                        "type": STRING,
                        "roles": {
                            "type": "object",
                            "additionalProperties": BOOLEAN,
                        },
                    },
                },
            },
        },
    },
    ("POST", "@lock"): {
        "type": "object",
        "properties": {"timeout": COUNT, "stealable": BOOLEAN},
    },
    ("DELETE", "@lock"): {"type": "object", "properties": {"force": BOOLEAN}},
    ("PATCH", "@history"): {
        "type": "object",
        "required": ["version"],
        "properties": {"version": COUNT},
    },
    ("POST", "@workflow"): {
        "type": "object",
        "properties": {
            "comment": STRING,
            "include_children": BOOLEAN,
            "effective": STRING,
            "expires": STRING,
            "effectiveDate": STRING,
            "expirationDate": STRING,
        },
    },
    ("POST", "@querystring-search"): {
        "type": "object",
        "required": ["query"],
        "properties": {
            "query": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["i", "o"],
                    "properties": {"i": STRING, "o": STRING},
                },
            },
            "b_start": COUNT,
            "b_size": SIZE,
            "limit": SIZE,
            "sort_on": STRING,
            "sort_order": STRING,
            "fullobjects": FLAG,
        },
    },
    ("POST", "@implementation-status"): {
        "type": "object",
        "properties": {"status": STRING, "comment": STRING},
    },
    ("POST", "@comments"): {
        "type": "object",
        "properties": {"text": STRING, "author_name": STRING, "author_email": STRING},
    },
    ("PATCH", "@comments"): {
        "type": "object",
        "properties": {"text": STRING},
    },
    ("POST", "@copy"): {
        "type": "object",
        "required": ["source"],
        "properties": {"source": NAMES},
    },
    ("POST", "@move"): {
        "type": "object",
        "required": ["source"],
        "properties": {"source": NAMES},
    },
    ("DELETE", "@aliases"): {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "items": {"type": "object", "properties": {"path": STRING}},
            }
        },
    },
    ("POST", "@login"): {
        "type": "object",
        "properties": {"login": STRING, "password": STRING},
    },
}

JSON_TYPES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "array": "une liste",
    "object": "un objet",
}

_VALIDATORS = {key: Draft202012Validator(schema) for key, schema in BODIES.items()}


def _where(error) -> str:
    path = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}"
        for part in error.absolute_path
    )
    return path.lstrip(".") or "corps"


def _message(error) -> Message:
    where = _where(error)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        return _(
            "error_body_required",
            default="Corps de la requête invalide : « ${key} » est obligatoire "
            "(dans « ${where} »).",
            mapping={"key": missing, "where": where},
        )
    if error.validator == "type":
        expected = error.validator_value
        names = [
            JSON_TYPES[t]
            for t in (expected if isinstance(expected, list) else [expected])
        ]
        return _(
            "error_body_type",
            default="Corps de la requête invalide : « ${where} » doit être "
            "${expected}.",
            mapping={"where": where, "expected": " ou ".join(names)},
        )
    if error.validator in ("minimum", "maximum"):
        return _(
            "error_body_range",
            default="Corps de la requête invalide : « ${where} » hors limites "
            "(entre ${minimum} et ${maximum}).",
            mapping={
                "where": where,
                "minimum": error.schema.get("minimum", ""),
                "maximum": error.schema.get("maximum", ""),
            },
        )
    return _(
        "error_body_invalid",
        default="Corps de la requête invalide : « ${where} » n'a pas la forme "
        "attendue.",
        mapping={"where": where},
    )


def body_error(method: str, service: str, data) -> Message | None:
    """The first shape error of ``data`` for the service, or ``None``."""
    validator = _VALIDATORS.get((method, service))
    if validator is None:
        return None
    error = best_match(validator.iter_errors(data))
    return None if error is None else _message(error)


def described_services() -> list[tuple[str, str]]:
    """The (method, service) pairs whose body this table describes."""
    return sorted(BODIES)
