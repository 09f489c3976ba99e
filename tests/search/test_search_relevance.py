"""The relevance set: well formed, truthful tags, and the catalog passes it.

Run ``pytest -s tests/search/test_search_relevance.py`` to read the report.
"""

from plone import api
from plone.app.testing import logout
from relevance_set import create_fixtures
from relevance_set import load_set
from relevance_set import report
from relevance_set import run_entry
from traite_portal.indexers.searchable_text import searchable_text
from traite_portal.search.analysis import analyse_word
from traite_portal.search.analysis import fold
from traite_portal.search.analysis import normalise_word
from traite_portal.search.analysis import split_words
from traite_portal.search.identifiers.kinds import KIND_NAMES
from traite_portal.search.query.synonyms import expand_query
from traite_portal.search.query.syntax import parse_query
from traite_portal.search.synonyms_table import synonym_lines

import pytest


SET = load_set()
QUERIES = SET["queries"]
TAGS = {
    "morphology",
    "no_accents",
    "acronym",
    "common_name",
    "identifier",
    "library",
    "plan",
}
WHO = {"jurist", "association", "ministry"}


def tagged(tag: str) -> list[dict]:
    return [q for q in QUERIES if tag in q["tags"]]


def query_words(entry: dict) -> list[str]:
    return [w for w in split_words(entry["q"]) if normalise_word(w)]


class TestTheSet:
    def test_at_least_sixty_queries(self):
        assert len(QUERIES) >= 60
        assert len({q["q"] for q in QUERIES}) == len(QUERIES)

    @pytest.mark.parametrize("entry", QUERIES, ids=lambda q: q["q"])
    def test_entry_is_well_formed(self, entry):
        assert entry["who"] in WHO
        assert entry["expect"]
        assert set(entry["tags"]) <= TAGS
        identifier = "identifier" in entry["tags"]
        assert entry.get("within", 3) == (1 if identifier else 3)
        if identifier:
            assert entry["kind"] in KIND_NAMES
            assert entry["jump"] == entry["expect"][0]

    def test_every_tag_and_identifier_kind_is_covered(self):
        assert {t for q in QUERIES for t in q["tags"]} == TAGS
        assert {q["kind"] for q in tagged("identifier")} == set(KIND_NAMES)
        assert {q["who"] for q in QUERIES} == WHO

    @pytest.mark.parametrize("entry", tagged("no_accents"), ids=lambda q: q["q"])
    def test_no_accents_means_no_accents(self, entry):
        assert entry["q"].isascii()

    @pytest.mark.parametrize(
        "entry", tagged("acronym") + tagged("common_name"), ids=lambda q: q["q"]
    )
    def test_synonym_queries_are_widened(self, entry):
        _, expansions = expand_query(parse_query(entry["q"]), synonym_lines())
        assert expansions


@pytest.fixture
def corpus(corpus_integration):
    portal = corpus_integration["portal"]
    create_fixtures(portal, SET)
    logout()
    return portal


def item_words(portal, path: str) -> list[str]:
    obj = portal.unrestrictedTraverse(path)
    return split_words(obj.Title() + " " + searchable_text(obj)())


class TestCatalog:
    def test_expected_items_exist(self, corpus):
        missing = [
            path
            for entry in QUERIES
            for path in entry["expect"]
            if corpus.unrestrictedTraverse(path, None) is None
        ]
        assert missing == []

    @pytest.mark.parametrize("entry", tagged("morphology"), ids=lambda q: q["q"])
    def test_morphology_queries_use_other_forms(self, corpus, entry):
        # Every word of the query: not in the item as typed, found by its stem.
        words = item_words(corpus, entry["expect"][0])
        folded = {fold(w) for w in words}
        tokens = {analyse_word(w) for w in words}
        for word in query_words(entry):
            assert fold(word) not in folded, word
            assert analyse_word(word) in tokens, word

    @pytest.mark.parametrize("entry", tagged("no_accents"), ids=lambda q: q["q"])
    def test_no_accent_queries_meet_accented_words(self, corpus, entry):
        words = item_words(corpus, entry["expect"][0])
        accented = {analyse_word(w) for w in words if not w.isascii()}
        assert any(analyse_word(w) in accented for w in query_words(entry))

    def test_catalog_passes_the_set(self, corpus):
        outcomes = [run_entry(corpus, entry) for entry in QUERIES]
        text = report(outcomes)
        print("\n" + text)
        rate = sum(o.passed for o in outcomes) / len(outcomes)
        assert rate >= SET["threshold"], text
        assert api.portal.get_tool("portal_catalog")  # the catalog backend served
