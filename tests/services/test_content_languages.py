"""Plone's content languages vocabulary, kept for the rest of a GET request
(``vocabularies/languages.py``): the same terms as Plone's own factory; a
request that writes, or the next request, lists the languages afresh."""

from plone import api
from plone.app.vocabularies.language import SupportedContentLanguageVocabulary
from traite_portal.vocabularies.languages import RequestCachedLanguages
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
from zope.schema.interfaces import IVocabularyFactory

import pytest


NAME = "plone.app.vocabularies.SupportedContentLanguages"


def _terms(vocabulary) -> list:
    return [(term.value, term.token, term.title) for term in vocabulary]


def _in_request(base, method: str):
    request = base.clone()
    request["REQUEST_METHOD"] = method
    setRequest(request)
    return request


RECORD = "plone.available_languages"


@pytest.fixture(autouse=True)
def keep_global_request():
    """The tests set the thread's request: the next tests get theirs back."""
    before = getRequest()
    yield
    setRequest(before)


@pytest.fixture
def add_german(corpus_integration):
    """Adds German to the portal's languages (set back after the test)."""
    before = api.portal.get_registry_record(RECORD)

    def add() -> None:
        api.portal.set_registry_record(RECORD, [*before, "de"])

    yield add
    api.portal.set_registry_record(RECORD, before)


def test_the_registered_factory_is_ours_and_answers_as_plone(corpus_integration):
    portal = corpus_integration["portal"]
    _in_request(corpus_integration["request"], "GET")
    factory = getUtility(IVocabularyFactory, NAME)
    assert isinstance(factory, RequestCachedLanguages)
    ours = _terms(factory(portal))
    assert ours == _terms(SupportedContentLanguageVocabulary()(portal))
    assert ours


def test_a_get_request_lists_them_once(corpus_integration, add_german):
    portal = corpus_integration["portal"]
    factory = getUtility(IVocabularyFactory, NAME)
    _in_request(corpus_integration["request"], "GET")
    first = factory(portal)
    add_german()
    assert factory(portal) is first
    _in_request(corpus_integration["request"], "GET")
    assert "de" in [term.value for term in factory(portal)]


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_a_request_that_writes_sees_the_change(corpus_integration, add_german, method):
    portal = corpus_integration["portal"]
    factory = getUtility(IVocabularyFactory, NAME)
    _in_request(corpus_integration["request"], method)
    assert "de" not in [term.value for term in factory(portal)]
    add_german()
    assert "de" in [term.value for term in factory(portal)]
