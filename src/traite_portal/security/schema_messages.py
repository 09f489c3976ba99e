"""French messages for the errors of a JSON Schema check (``service_bodies``)."""

from jsonschema.exceptions import ValidationError
from traite_portal import _
from zope.i18nmessageid import Message


JSON_TYPES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "array": "une liste",
    "object": "un objet",
    "null": "null",
}


def _where(error: ValidationError) -> str:
    path = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}"
        for part in error.absolute_path
    )
    return path.lstrip(".") or "corps"


def _quoted(values) -> str:
    return ", ".join(f"« {value} »" for value in values)


def _required(error: ValidationError, where: str) -> Message:
    missing = error.message.split("'")[1] if "'" in error.message else ""
    return _(
        "error_body_required",
        default="Corps de la requête invalide : « ${key} » est obligatoire "
        "(dans « ${where} »).",
        mapping={"key": missing, "where": where},
    )


def _type(error: ValidationError, where: str) -> Message:
    expected = error.validator_value
    names = [
        JSON_TYPES[t] for t in (expected if isinstance(expected, list) else [expected])
    ]
    return _(
        "error_body_type",
        default="Corps de la requête invalide : « ${where} » doit être ${expected}.",
        mapping={"where": where, "expected": " ou ".join(names)},
    )


def _range(error: ValidationError, where: str) -> Message:
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


def _choices(error: ValidationError, where: str) -> Message:
    values = error.validator_value
    return _(
        "error_body_choice",
        default="Corps de la requête invalide : « ${where} » doit valoir ${values}.",
        mapping={
            "where": where,
            "values": _quoted(values if error.validator == "enum" else [values]),
        },
    )


def _alternatives(error: ValidationError, where: str) -> Message | None:
    """``anyOf`` of ``required`` lists: say which sets of keys are accepted."""
    branches = error.validator_value
    if not all(set(branch) == {"required"} for branch in branches):
        return None
    sets = " ; ".join(" + ".join(branch["required"]) for branch in branches)
    return _(
        "error_body_alternatives",
        default="Corps de la requête invalide : « ${where} » doit contenir l'un "
        "de ces ensembles de clés : ${sets}.",
        mapping={"where": where, "sets": sets},
    )


def _not_empty(error: ValidationError, where: str) -> Message:
    return _(
        "error_body_empty",
        default="Corps de la requête invalide : « ${where} » ne peut pas être vide.",
        mapping={"where": where},
    )


MESSAGES = {
    "required": _required,
    "type": _type,
    "minimum": _range,
    "maximum": _range,
    "enum": _choices,
    "const": _choices,
    "anyOf": _alternatives,
    "minProperties": _not_empty,
    "minItems": _not_empty,
}


def schema_error_message(error: ValidationError) -> Message:
    """The French message for one JSON Schema error."""
    where = _where(error)
    build = MESSAGES.get(error.validator)
    message = build(error, where) if build is not None else None
    if message is not None:
        return message
    return _(
        "error_body_invalid",
        default="Corps de la requête invalide : « ${where} » n'a pas la forme "
        "attendue.",
        mapping={"where": where},
    )
