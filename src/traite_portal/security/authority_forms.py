"""Classic add and edit forms: values that carry authority (z3c.form).

``associations`` and ``ministry`` get this validator from their models
(``form:validator`` in ``content_types/*.xml``), ``creators`` from
``authority.zcml``. A refused value is a French error under its field and
nothing is saved.
"""

from plone.app.dexterity.behaviors.metadata import IOwnership
from traite_portal.security.authority import authority_error
from z3c.form.interfaces import IAddForm
from z3c.form.interfaces import IDataManager
from z3c.form.interfaces import NOT_CHANGED
from z3c.form.validator import SimpleFieldValidator
from z3c.form.validator import WidgetValidatorDiscriminators
from zope.component import queryMultiAdapter
from zope.interface import Invalid


def _in_add_form(view) -> bool:
    """Whether a form (or one of its fieldsets) creates a new item."""
    while view is not None:
        if IAddForm.providedBy(view):
            return True
        view = getattr(view, "parentForm", None)
    return False


class AuthorityValidator(SimpleFieldValidator):
    """The field's usual checks, then ``authority.authority_error``."""

    def validate(self, value, force=False):
        super().validate(value, force)
        if value is NOT_CHANGED:
            return
        old = self.field.missing_value
        if not _in_add_form(self.view):
            manager = queryMultiAdapter((self.context, self.field), IDataManager)
            old = manager.query() if manager is not None else old
        error = authority_error(self.context, self.field.__name__, old, value)
        if error is not None:
            raise Invalid(error)


class CreatorsValidator(AuthorityValidator):
    """``creators`` (Dublin Core ownership, on every type)."""


WidgetValidatorDiscriminators(CreatorsValidator, field=IOwnership["creators"])
