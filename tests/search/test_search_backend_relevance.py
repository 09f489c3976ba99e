"""The relevance set on both search servers, and the same answers as the catalog.

For every query of ``queries.yaml``: the set passes (≥ its threshold) on
OpenSearch and on Elasticsearch, with the catalog's snippets for every item
both return, the catalog's totals and the catalog's facet counts; the top 3
is the catalog's but for near-ties (items the catalog scores within
``NEAR_TIE`` of each other), which are listed as an expected failure. Run
with ``-s`` to read the reports.
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
# The top 3 is compared with the catalog's; the catalog's scores are read
# ``DEPTH`` deep to tell a near-tie from a real difference.
TOP = 3
# Lucene stores field lengths in one byte, and Elasticsearch's test build
# scores with Lucene's BM25, not the catalog's Okapi (backends/server/
# scoring.py): items the catalog scores this close may change places.
NEAR_TIE = 0.05


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
            "scores": {item.brain.UID: item.score for item in answer.items},
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


def is_near_tie(expected: dict, server_top: list) -> bool:
    """Whether the catalog scores each item of the server's top 3 within
    ``NEAR_TIE`` of the item it ranks there itself."""
    scores = expected["scores"]
    if len(server_top) != len(expected["top 3"]):
        return False
    return all(
        abs(scores.get(ours, 0) - scores[theirs]) <= NEAR_TIE * scores[theirs]
        for theirs, ours in zip(expected["top 3"], server_top, strict=True)
    )


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
    ties = {
        q: tops
        for q, tops in found["top 3"].items()
        if is_near_tie(expected[q], tops[1])
    }
    assert {q: t for q, t in found["top 3"].items() if q not in ties} == {}
    # Known, not solved (docs/search.md, « Backends »): near-ties of the
    # catalog's scores may come in another order.
    if ties:
        pytest.xfail(f"{engine}: top 3 in another order (near-ties): {sorted(ties)}")
