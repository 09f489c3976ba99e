"""Responsible bodies and partners: each ministry is one term.

Ministry names contain commas, so a comma-separated field cannot be split
naively; the corpus parser and this vocabulary share one table
(``traite_portal.corpus.bodies.BODIES``).
"""

from functools import cache
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@cache
def _bodies_vocabulary() -> SimpleVocabulary:
    # Built once: the table is a constant, and every item's representation
    # binds its fields to this vocabulary (a tenth of a millisecond each time).
    from traite_portal.corpus.bodies import BODIES

    return SimpleVocabulary(
        [SimpleTerm(value=b.token, token=b.token, title=b.title) for b in BODIES]
    )


@provider(IVocabularyFactory)
def bodies(context=None) -> SimpleVocabulary:
    """Ministries, agencies and other bodies named in the plan."""
    return _bodies_vocabulary()
