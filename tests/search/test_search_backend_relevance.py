"""The relevance set on both search servers, and the same answers as the catalog.

For every query of ``queries.yaml``: the set passes (≥ its threshold) on
OpenSearch and on Elasticsearch, and each returns the catalog's top 3, facet
counts and snippets. Run with ``-s`` to read the reports.
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
    """{query: (outcome, top 3 UIDs, facet counts, backend, snippets)}."""
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
            [item.snippets for item in answer.items],
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
    assert {q: a[3] for q, a in actual.items() if a[3] != engine} == {}
    assert sum(o.passed for o in outcomes) / len(outcomes) >= SET["threshold"], text
    for part, name in ((1, "top 3"), (2, "facets"), (4, "snippets")):
        differ = {
            q: (expected[q][part], actual[q][part])
            for q in expected
            if expected[q][part] != actual[q][part]
        }
        assert differ == {}, name
