"""The catalog's text scores of a few candidates are those it gives them when
it searches everything (``backends/catalog/candidates.py``, what orders a
search server's hits): for every query of the relevance set, every other
match and some items that do not match."""

from relevance_set import create_fixtures
from relevance_set import load_set
from traite_portal.search.backends.catalog.matching import text_scores
from traite_portal.search.params import read_params
from traite_portal.search.pipeline import analyse

import pytest


SET = load_set()


@pytest.fixture
def corpus(corpus_integration):
    portal = corpus_integration["portal"]
    create_fixtures(portal, SET)
    return portal


def test_candidates_score_as_in_a_full_search(corpus):
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
