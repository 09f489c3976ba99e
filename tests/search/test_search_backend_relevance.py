"""The relevance set on both search servers, and the same answers as the catalog.

For every query of ``queries.yaml``: the set passes (≥ its threshold) on
OpenSearch and on Elasticsearch, with the catalog's snippets for every item
both return, the catalog's totals, the catalog's facet counts and the
catalog's top 3 (the server's best candidates ordered by the catalog's own
ranking: ``backends/server/rerank.py``). Run with ``-s`` to read the reports.
"""

from plone.app.testing import logout
from relevance_set import create_fixtures
from relevance_set import DEPTH
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
TOP = 3


@pytest.fixture
def corpus(corpus_functional):
    portal = corpus_functional["portal"]
    create_fixtures(portal, SET)
    transaction.commit()
    return portal


def answers(portal) -> dict:
    """{query: what the current backend answers to it} for the whole set."""
    logout()
    result = {}
    for entry in QUERIES:
        answer = legal_search(read_params({"q": entry["q"], "b_size": DEPTH}))
        result[entry["q"]] = {
            "outcome": run_entry(portal, entry),
            "backend": answer.result.backend,
            "total": answer.result.total,
            "top 3": [item.brain.UID for item in answer.items[:TOP]],
            "facets": answer.result.facets,
            "snippets": {item.brain.UID: item.snippets for item in answer.items},
        }
    return result


def differences(expected: dict, actual: dict) -> dict:
    """{part: {query: (catalog's, server's)}} where the server differs."""
    found = {}
    for part in ("total", "top 3", "facets"):
        found[part] = {
            q: (expected[q][part], actual[q][part])
            for q in expected
            if expected[q][part] != actual[q][part]
        }
    # Snippets of each item both return (made from the item's own text).
    found["snippets"] = {
        (q, uid): (expected[q]["snippets"][uid], snippets)
        for q in expected
        for uid, snippets in actual[q]["snippets"].items()
        if uid in expected[q]["snippets"] and expected[q]["snippets"][uid] != snippets
    }
    return found


@pytest.mark.parametrize("engine", ENGINES)
def test_server_passes_the_set_and_answers_as_the_catalog(corpus, engine, monkeypatch):
    settings = require(engine)
    use(monkeypatch, None)
    expected = answers(corpus)
    index_site(corpus, settings)
    use(monkeypatch, settings)
    actual = answers(corpus)
    outcomes = [actual[q["q"]]["outcome"] for q in QUERIES]
    text = report(outcomes)
    found = differences(expected, actual)
    summary = ", ".join(f"{part}: {len(d)}" for part, d in found.items())
    print(f"\n{engine}\n{text}\ndifférences avec le catalogue : {summary}")
    for part, differ in found.items():
        for query in differ:
            print(f"  {part} differs: {query}")
    assert {q: a["backend"] for q, a in actual.items() if a["backend"] != engine} == {}
    assert sum(o.passed for o in outcomes) / len(outcomes) >= SET["threshold"], text
    # The same items match, with the same snippets, counted alike.
    assert (found["total"], found["facets"], found["snippets"]) == ({}, {}, {})
    assert found["top 3"] == {}
