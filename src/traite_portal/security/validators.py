"""Limits checked on every form and REST write of a schema (z3c.form validators).

Plone's Classic forms (add, edit, comments, the status form) and
plone.restapi's content deserializer both ask z3c.form's ``IManagerValidator``
for the errors of a schema's data, so one validator serves both paths: each
value is checked against ``fields.value_errors`` before the schema's
invariants. An error refuses the whole write (form error or REST 400).

The comment form shows only its fields' errors, so the comment's text also
has a field validator of its own (``@comments`` uses the same form).
"""

from plone.app.discussion.interfaces import IComment
from traite_portal.security.fields import value_errors
from z3c.form.validator import InvariantsValidator
from z3c.form.validator import SimpleFieldValidator
from z3c.form.validator import WidgetValidatorDiscriminators
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import Invalid


def invalid(field, value) -> list[Invalid]:
    """The limit errors of ``value``, their messages already in French text
    (plone.restapi shows the exception's text as it is)."""
    return [
        Invalid(translate(message, context=getRequest()))
        for message in value_errors(field, value)
    ]


class LimitsValidator(InvariantsValidator):
    """The schema's invariants, after the portal's limits on each value."""

    def validate(self, data) -> tuple:
        errors = []
        for name, value in data.items():
            field = self.schema.get(name) if self.schema is not None else None
            if field is not None:
                errors.extend(invalid(field, value))
        return (*errors, *super().validate(data))


class CommentTextValidator(SimpleFieldValidator):
    """A comment's text: the field's own rules, then the comment limit."""

    def validate(self, value, force=False) -> None:
        super().validate(value, force)
        errors = invalid(self.field, value)
        if errors:
            raise errors[0]


WidgetValidatorDiscriminators(CommentTextValidator, field=IComment["text"])
