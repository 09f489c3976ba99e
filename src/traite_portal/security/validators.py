"""Limits checked on every form and REST write of a schema (z3c.form validator).

Plone's Classic forms (add, edit, comments, the status form) and
plone.restapi's content deserializer both ask z3c.form's ``IManagerValidator``
for the errors of a schema's data, so one validator serves both paths: each
value is checked against ``fields.value_errors`` before the schema's
invariants. An error refuses the whole write (form error or REST 400).
"""

from traite_portal.security.fields import value_errors
from z3c.form.validator import InvariantsValidator
from zope.interface import Invalid


class LimitsValidator(InvariantsValidator):
    """The schema's invariants, after the portal's limits on each value."""

    def validate(self, data) -> tuple:
        errors = []
        for name, value in data.items():
            field = self.schema.get(name) if self.schema is not None else None
            if field is not None:
                errors.extend(
                    Invalid(message) for message in value_errors(field, value)
                )
        return (*errors, *super().validate(data))
