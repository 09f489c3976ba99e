"""The relevance set on both search servers, and the same answers as the catalog.

For every query of ``queries.yaml``: the set passes (≥ its threshold) on
OpenSearch and on Elasticsearch, and each returns the catalog's top 3 and
the catalog's facet counts. Run with ``-s`` to read the reports.
"""

from plone.app.testing import logout
from relevance_set import create_fixtures
from relevance_set import load_set
from relevance_set import report
from relevance_set import run_entry
from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.search.params import read_params
from traite_portal.search.pipeline import legal_search

import pytest
import transaction


SET = load_set()
QUERIES = SET["queries"]


@pytest.fixture
def corpus(corpus_functional):
    portal = corpus_functional["portal"]
    create_fixtures(portal, SET)
    transaction.commit()
    return portal


def answers(portal) -> dict:
    """{query: (outcome, top 3 UIDs, facet counts, backend)} for the whole set."""
    logout()
    result = {}
    for entry in QUERIES:
        outcome = run_entry(portal, entry)
        answer = legal_search(read_params({"q": entry["q"], "b_size": 3}))
        result[entry["q"]] = (
            outcome,
            [item.brain.UID for item in answer.items],
            answer.result.facets,
            answer.result.backend,
        )
    return result


@pytest.mark.parametrize("engine", ENGINES)
def test_server_passes_the_set_and_answers_as_the_catalog(corpus, engine, monkeypatch):
    settings = require(engine)
    use(monkeypatch, None)
    expected = answers(corpus)
    index_site(corpus, settings)
    use(monkeypatch, settings)
    actual = answers(corpus)
    outcomes = [actual[q["q"]][0] for q in QUERIES]
    text = report(outcomes)
    print(f"\n{engine}\n{text}")
    assert {a[3] for a in actual.values()} == {engine}
    assert sum(o.passed for o in outcomes) / len(outcomes) >= SET["threshold"], text
    top = {q: (expected[q][1], actual[q][1]) for q in expected if expected[q][1] != actual[q][1]}
    facets = {
        q: (expected[q][2], actual[q][2])
        for q in expected
        if expected[q][2] != actual[q][2]
    }
    assert top == {}
    assert facets == {}
