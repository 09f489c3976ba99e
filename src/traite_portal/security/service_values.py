"""Values of a REST body that only the site can judge (one check per service).

After the body's shape (``service_bodies``), some core services still fail
with a 500 on a value that does not exist: a registry record
(``PATCH @registry`` raised ``NotImplementedError``, a wrong value
``WrongType``), a rule not assigned here (``PATCH`` / ``DELETE
@content-rules``: ``ValueError``, ``KeyError``), a transaction id that is not
base64 (``PATCH @transactions``). Each check returns French messages.
"""

from plone.contentrules.engine.interfaces import IRuleAssignmentManager
from plone.contentrules.engine.interfaces import IRuleStorage
from plone.registry import field as registry_field
from plone.registry.interfaces import IRegistry
from traite_portal import _
from zope.component import getUtility
from zope.component import queryUtility
from zope.i18nmessageid import Message
from zope.schema.interfaces import ValidationError

import binascii


def _registry_errors(context, data: dict, params) -> list[Message]:
    registry = getUtility(IRegistry)
    errors = []
    for key, value in data.items():
        if key not in registry.records:
            errors.append(
                _(
                    "error_registry_unknown",
                    default="Enregistrement inconnu du registre : « ${key} ».",
                    mapping={"key": key},
                )
            )
            continue
        field = registry.records[key].field
        if isinstance(field, registry_field.Tuple) and isinstance(value, list):
            value = tuple(value)  # as plone.restapi does
        try:
            field.bind(registry.records[key]).validate(value)
        except (ValidationError, TypeError, ValueError, LookupError):
            errors.append(
                _(
                    "error_registry_value",
                    default="Valeur invalide pour « ${key} » : elle n'a pas le type "
                    "ou la forme de cet enregistrement.",
                    mapping={"key": key},
                )
            )
    return errors


def _unknown_rules(rule_ids) -> list[Message]:
    return [
        _(
            "error_rule_unknown",
            default="Règle inconnue ou non attribuée à cet élément : « ${rule} ».",
            mapping={"rule": rule},
        )
        for rule in rule_ids
    ]


def _assigned_rule_errors(context, data: dict, params) -> list[Message]:
    """The rules named must be assigned to the item (GET @content-rules)."""
    assigned = IRuleAssignmentManager(context, None)
    keys = set(assigned.keys()) if assigned is not None else set()
    named = data.get("rule_ids") or [data.get("rule_id")]
    return _unknown_rules(rule for rule in named if rule not in keys)


def _existing_rule_errors(context, data: dict, params) -> list[Message]:
    """``POST @content-rules/<id>`` assigns a rule of the site's storage."""
    storage = queryUtility(IRuleStorage)
    rule = params[0] if params else None
    return [] if storage is not None and rule in storage else _unknown_rules([rule])


def _transaction_errors(context, data: dict, params) -> list[Message]:
    errors = []
    for info in data["transaction_ids"]:
        words = info.split()
        try:
            valid = bool(words) and len(binascii.a2b_base64(words[0] + "\n")) == 8
        except binascii.Error:
            valid = False
        if not valid:
            errors.append(
                _(
                    "error_transaction_id",
                    default="Identifiant de transaction invalide : « ${id} » "
                    "(voir GET @transactions).",
                    mapping={"id": info[:40]},
                )
            )
    return errors


# (HTTP method, service name) → check(context, body, path parameters).
CHECKS = {
    ("PATCH", "@registry"): _registry_errors,
    ("PATCH", "@content-rules"): _assigned_rule_errors,
    ("DELETE", "@content-rules"): _assigned_rule_errors,
    ("POST", "@content-rules"): _existing_rule_errors,
    ("PATCH", "@transactions"): _transaction_errors,
}


def value_errors(method: str, service: str, context, data, params) -> list[Message]:
    """French messages for values the service would fail on (empty: none)."""
    check = CHECKS.get((method, service))
    if check is None or not isinstance(data, dict):
        return []
    return check(context, data, list(params or ()))
