"""REST POST and PATCH: values that carry authority (plone.restapi).

plone.restapi does not run z3c.form validators, so the fields' deserializers
check ``associations``, ``creators`` and ``ministry`` before anything is
set: a refused value joins the other field errors in a French 400 and the
transaction (a PATCH, or a POST's new item) is not committed.
"""

from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import ChoiceFieldDeserializer
from plone.restapi.deserializer.dxfields import CollectionFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from traite_portal.interfaces import IBrowserLayer
from traite_portal.security.authority import authority_error
from z3c.form.interfaces import IDataManager
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection


def checked(deserializer, value):
    """``value``, unless the user may not set it (``ValueError``: a 400)."""
    field, context = deserializer.field, deserializer.context
    manager = queryMultiAdapter((context, field), IDataManager)
    old = manager.query() if manager is not None else field.missing_value
    error = authority_error(context, field.__name__, old, value)
    if error is not None:
        raise ValueError(translate(error, context=deserializer.request))
    return value


@implementer(IFieldDeserializer)
@adapter(ICollection, IDexterityContent, IBrowserLayer)
class AuthorityCollectionDeserializer(CollectionFieldDeserializer):
    """Lists and tuples, among them ``associations`` and ``creators``."""

    def __call__(self, value):
        return checked(self, super().__call__(value))


@implementer(IFieldDeserializer)
@adapter(IChoice, IDexterityContent, IBrowserLayer)
class AuthorityChoiceDeserializer(ChoiceFieldDeserializer):
    """Single choices, among them a legal text's ``ministry``."""

    def __call__(self, value):
        return checked(self, super().__call__(value))
