"""The shortcuts of the catalog's ranking give what the long way gives, for
every query of the relevance set: the text scores of the matches found
without scoring, and of a few candidates
(``backends/catalog/candidates.py``, what orders a search server's hits) are
those of a full search, for every other match and some items that do not
match; the proximity re-ranking that stops below the page
(``CatalogBackend._proximity``) gives the page that reading every
candidate gives."""

from dataclasses import replace
from relevance_set import create_fixtures
from relevance_set import load_set
from traite_portal.search import ranking
from traite_portal.search.backends.base import SearchRequest
from traite_portal.search.backends.catalog import candidates as candidates_module
from traite_portal.search.backends.catalog.backend import CatalogBackend
from traite_portal.search.backends.catalog.matching import match_set
from traite_portal.search.backends.catalog.matching import text_scores
from traite_portal.search.params import read_params
from traite_portal.search.pipeline import analyse
from traite_portal.search.pipeline import current_viewer

import pytest


SET = load_set()


@pytest.fixture
def corpus(corpus_integration):
    portal = corpus_integration["portal"]
    create_fixtures(portal, SET)
    return portal


@pytest.mark.parametrize("lookups_per_walk", [0, 10**9], ids=["looked_up", "walked"])
def test_candidates_score_as_in_a_full_search(corpus, monkeypatch, lookups_per_walk):
    # Candidates' postings and lengths read both ways: cut from the index's
    # own, or looked up one by one (what a few candidates get).
    monkeypatch.setattr(candidates_module, "LOOKUPS_PER_WALK", lookups_per_walk)
    zcatalog = corpus.portal_catalog._catalog
    others = list(zcatalog.paths)
    checked = 0
    for entry in SET["queries"]:
        query = analyse(read_params({"q": entry["q"]}))[0]
        full = text_scores(zcatalog, query)
        candidates = list(full.keys())[::2]
        candidates += [d for d in others if d not in full][: len(candidates) + 1]
        scores = text_scores(zcatalog, query, only=candidates)
        assert dict(scores) == {d: full[d] for d in candidates if d in full}, entry
        checked += len(scores)
    assert checked > len(SET["queries"])


def test_authority_looked_up_as_united(corpus, monkeypatch):
    # A few scores (a server's candidates) get each document's type looked
    # up; many get each type's documents united: the same products.
    backend = CatalogBackend(corpus)
    zcatalog = backend.zcatalog
    weighted = 0
    for entry in SET["queries"]:
        query = analyse(read_params({"q": entry["q"]}))[0]
        scores = text_scores(zcatalog, query)
        both = []
        for lookups_per_walk in (0, 10**9):
            monkeypatch.setattr(candidates_module, "LOOKUPS_PER_WALK", lookups_per_walk)
            both.append(dict(backend._authority(scores)))
        assert both[0] == both[1], entry
        weighted += sum(both[0][d] != s for d, s in scores.items())
    assert weighted > len(SET["queries"])


def test_matches_scored_after_the_match_pass_as_in_a_full_search(corpus):
    # What the catalog backend does: match without scoring (phrases kept),
    # then score the matches: every score as the index's own search gives.
    zcatalog = corpus.portal_catalog._catalog
    with_phrases = 0
    for entry in SET["queries"]:
        query = analyse(read_params({"q": entry["q"]}))[0]
        phrases = {}
        docs = match_set(zcatalog, query, phrases)
        scores = text_scores(zcatalog, query, docs, phrases)
        assert dict(scores) == dict(text_scores(zcatalog, query)), entry
        with_phrases += bool(phrases)
    assert with_phrases  # the phrases' shortcut was taken


@pytest.mark.parametrize("b_start", [0, 7])
def test_proximity_stops_below_the_page_and_keeps_it(corpus, b_start):
    backend = CatalogBackend(corpus)
    viewer = current_viewer(corpus.portal_catalog)
    for entry in SET["queries"]:
        query = analyse(read_params({"q": entry["q"]}))[0]
        whole = SearchRequest(query, viewer, b_size=ranking.PROXIMITY_CANDIDATES)
        page = replace(whole, b_start=b_start, b_size=10)
        expected = backend.search(whole).hits[b_start : b_start + 10]
        assert backend.search(page).hits == expected, entry
