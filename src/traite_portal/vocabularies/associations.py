"""The associations that can author proposals (a registry list)."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import unicodedata


REGISTRY_RECORD = "traite_portal.associations"


def association_token(name: str) -> str:
    """An ASCII token for an association name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
    words = "".join(c if c.isalnum() else " " for c in ascii_name.decode().lower())
    return "-".join(words.split())


@provider(IVocabularyFactory)
def associations(context=None) -> SimpleVocabulary:
    """Associations configured in the registry, in their configured order."""
    names = api.portal.get_registry_record(REGISTRY_RECORD, default=None) or []
    return SimpleVocabulary(
        [
            SimpleTerm(value=association_token(n), token=association_token(n), title=n)
            for n in names
        ]
    )
