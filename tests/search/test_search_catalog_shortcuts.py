"""The catalog backend's shortcuts give what the plain ways give, on the corpus
and the relevance set's queries: the matches found without scoring, word
positions read from the encoded word list, facet counts per value or per
document, permissions on a subset."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from DateTime import DateTime
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from Products.CMFCore.indexing import processQueue
from relevance_set import create_fixtures
from relevance_set import load_set
from traite_portal.search.backends.catalog.facet_counts import count_per_document
from traite_portal.search.backends.catalog.facet_counts import count_per_value
from traite_portal.search.backends.catalog.matching import match_set
from traite_portal.search.backends.catalog.matching import query_wids
from traite_portal.search.backends.catalog.matching import text_scores
from traite_portal.search.backends.catalog.matching import WordPositions
from traite_portal.search.backends.catalog.sets import allowed_set
from traite_portal.search.facets import FACETS
from traite_portal.search.pipeline import current_viewer
from traite_portal.search.query.synonyms import expand_query
from traite_portal.search.query.syntax import parse_query
from traite_portal.search.settings import synonym_list

import pytest


SET = load_set()
QUERIES = [entry["q"] for entry in SET["queries"]]
# The query syntax's other nodes: a phrase, NOT, a glob, OR, an unknown word.
SYNTAX = [
    '"traite des êtres humains"',
    "traite -exploitation",
    "exploit*",
    "victime OR mineur",
    "zzyzxunknown victime",
]


@pytest.fixture
def corpus(corpus_integration):
    portal = corpus_integration["portal"]
    create_fixtures(portal, SET)
    return portal


def catalogs():
    catalog = api.portal.get_tool("portal_catalog")
    return catalog, catalog._catalog


def query_of(text: str):
    return expand_query(parse_query(text), synonym_list())[0]


def result_sets(zcatalog) -> list:
    """Every query's matches, and the whole catalog."""
    found = [IISet(text_scores(zcatalog, query_of(q)).keys()) for q in QUERIES]
    return [*found, IISet(zcatalog.paths.keys())]


class TestMatchSet:
    def test_the_documents_scored_for_every_query(self, corpus):
        _, zcatalog = catalogs()
        found = 0
        for text in QUERIES + SYNTAX:
            query = query_of(text)
            expected = list(text_scores(zcatalog, query).keys())
            assert list(match_set(zcatalog, query)) == expected, text
            found += len(expected)
        assert found  # the queries matched something

    def test_leaves_the_index_as_it_was(self, corpus):
        _, zcatalog = catalogs()
        index = zcatalog.getIndex("SearchableText").index
        before = {wid: dict(p) for wid, p in index._wordinfo.items()}
        for text in QUERIES + SYNTAX:
            match_set(zcatalog, query_of(text))
        assert {wid: dict(p) for wid, p in index._wordinfo.items()} == before


class TestWordPositions:
    def test_as_the_decoded_word_list_for_every_document(self, corpus):
        _, zcatalog = catalogs()
        index = zcatalog.getIndex("SearchableText").index
        words = {docid: index.get_words(docid) for docid in index._docwords.keys()}
        checked = 0
        for text in QUERIES:
            wids = query_wids(zcatalog, query_of(text))
            if not wids:
                continue
            positions = WordPositions(zcatalog, wids)
            for docid, wids_of_doc in words.items():
                expected = {
                    wid: [i for i, w in enumerate(wids_of_doc) if w == wid]
                    for wid in wids
                }
                assert positions(docid) == expected, (text, docid)
                checked += any(expected.values())
        assert checked  # the queries' words were found somewhere

    def test_a_document_without_text_has_no_positions(self, corpus):
        _, zcatalog = catalogs()
        wids = query_wids(zcatalog, query_of("traite des êtres humains"))
        assert WordPositions(zcatalog, wids)(-1) == {wid: [] for wid in wids}


class TestFacetCounts:
    @pytest.mark.parametrize("facet", FACETS, ids=lambda f: f.name)
    def test_per_value_counts_as_per_document(self, corpus, facet):
        _, zcatalog = catalogs()
        index = zcatalog.getIndex(facet.index)
        for docs in result_sets(zcatalog):
            assert count_per_value(index, docs) == count_per_document(index, docs)


class TestPermissionsOnASubset:
    @pytest.mark.parametrize("role", ["Anonymous", "Member", "Manager"])
    def test_visible_part_of_a_set_as_of_the_whole_site(self, corpus, role):
        catalog, zcatalog = catalogs()
        # One public item out of its effective range: hidden unless allowed.
        brain = catalog.unrestrictedSearchResults(review_state="published")[0]
        expired = brain._unrestrictedGetObject()
        expired.setExpirationDate(DateTime() - 1)
        expired.reindexObject()
        processQueue()
        if role == "Anonymous":
            logout()
        else:
            setRoles(corpus, TEST_USER_ID, [role])
            login(corpus, TEST_USER_NAME)
        viewer = current_viewer(catalog)
        site = allowed_set(catalog, viewer)
        assert (brain.getRID() in site) == (role == "Manager")
        for docs in result_sets(zcatalog):
            subset = allowed_set(catalog, viewer, within=docs)
            assert list(subset) == list(intersection(site, docs))
