"""The JSON body each REST service expects, as JSON Schema (one table).

Core plone.restapi services index into their body without checking it
(``{"entries": "abc"}`` to ``@sharing`` is a 500); the portal's own services
are described here too, so that every shape error gets one French message.
Only the keys a service reads are described; others are left alone.
"""

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from traite_portal.security.schema_messages import schema_error_message
from zope.i18nmessageid import Message


STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}
COUNT = {"type": "integer", "minimum": 0, "maximum": 2**31}
SIZE = {"type": "integer", "minimum": 1, "maximum": 2**31}
FLAG = {"type": ["boolean", "integer", "string"]}
NAMES = {"anyOf": [STRING, {"type": "array", "items": STRING}]}
IDS = {"type": "array", "items": STRING, "minItems": 1}
PRESSED = {"const": True}
# plone.restapi's PATCH @content-rules presses one button of Plone's form
# (its message is unset otherwise: a 500) or moves one rule.
RULE_BUTTONS = ("Enable", "Disable", "Bubble", "NoBubble")

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
    ("PATCH", "@content-rules"): {
        "type": "object",
        "properties": {
            "operation": {"enum": ["move_up", "move_down"]},
            "rule_id": STRING,
            "rule_ids": IDS,
            **{f"form.button.{button}": PRESSED for button in RULE_BUTTONS},
        },
        "anyOf": [
            {"required": ["operation", "rule_id"]},
            *(
                {"required": [f"form.button.{button}", "rule_ids"]}
                for button in RULE_BUTTONS
            ),
        ],
    },
    ("DELETE", "@content-rules"): {
        "type": "object",
        "required": ["rule_ids"],
        "properties": {"rule_ids": IDS},
    },
    # Ids as GET @transactions gives them (base64, then a date and a path).
    ("PATCH", "@transactions"): {
        "type": "object",
        "required": ["transaction_ids"],
        "properties": {"transaction_ids": IDS},
    },
    # Record name → new value; each is checked against the registry
    # (``service_values``).
    ("PATCH", "@registry"): {"type": "object", "minProperties": 1},
    ("POST", "@relations"): {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["source", "target", "relation"],
                    "properties": {
                        "source": STRING,
                        "target": STRING,
                        "relation": STRING,
                    },
                },
            }
        },
    },
    # ``@relations/rebuild`` reads another body than ``@relations``.
    ("POST", "@relations/rebuild"): {
        "type": "object",
        "properties": {"flush": BOOLEAN},
    },
}

_VALIDATORS = {key: Draft202012Validator(schema) for key, schema in BODIES.items()}


def _validator(method: str, service: str, params) -> Draft202012Validator | None:
    """The service's entry, or that of its first path parameter
    (``@relations/rebuild``)."""
    if params:
        validator = _VALIDATORS.get((method, f"{service}/{params[0]}"))
        if validator is not None:
            return validator
    return _VALIDATORS.get((method, service))


def body_error(method: str, service: str, data, params=()) -> Message | None:
    """The first shape error of ``data`` for the service, or ``None``."""
    validator = _validator(method, service, params)
    if validator is None:
        return None
    errors = list(validator.iter_errors(data))
    # Which keys are missing says more than the first branch's first key.
    alternatives = [e for e in errors if e.validator == "anyOf" and not e.path]
    error = alternatives[0] if alternatives else best_match(errors)
    return None if error is None else schema_error_message(error)


def described_services() -> list[tuple[str, str]]:
    """The (method, service) pairs whose body this table describes."""
    return sorted(BODIES)
