"""The content languages vocabulary, made once per read request.

plone.restapi gives every item its ``language`` as a term of Plone's
``plone.app.vocabularies.SupportedContentLanguages``, whose factory lists the
portal's languages again at each call: about 3 % of a first sync's server
time, for the same answer every time. Only for GET: a request that writes
may change the portal's languages.
"""

from functools import partial
from plone.app.vocabularies.language import SupportedContentLanguageVocabulary
from traite_portal.serializers.per_request import once_per_read
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory


@implementer(IVocabularyFactory)
class RequestCachedLanguages(SupportedContentLanguageVocabulary):
    """Plone's factory (it reads the site, not ``context``), kept per GET."""

    def __call__(self, context):
        make = partial(super().__call__, context)
        return once_per_read(getRequest(), "languages", "terms", make)


languages = RequestCachedLanguages()
