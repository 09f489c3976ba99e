"""Who analyses French: OpenSearch (analysis-common) itself; Elasticsearch's
test build has no analysis module, so the backend says so at start-up and the
portal analyses text itself — and ``@legal-search`` answers alike over HTTP.
OpenSearch's chain gives every indexed text the catalog's tokens at the
catalog's positions, and it scores them with the catalog's Okapi formula."""

from plone import api
from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.search.analysis import analyse_text
from traite_portal.search.analysis.stopwords import ELIDED
from traite_portal.search.analysis.stopwords import STOP_WORDS
from traite_portal.search.backends.server.documents import document_for
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.backends.server.mapping import SERVER_ANALYSIS
from traite_portal.search.backends.server.mapping import TEXT_FIELDS
from traite_portal.search.indexing import worker
from traite_portal.search.indexing.target import target_for

import logging
import pytest
import requests


# What each server of the CI can do (tests/search/search_servers.py).
EXPECTED_ANALYSIS = {"opensearch": "server", "elasticsearch": "portal"}
# OpenSearch runs Painless: the catalog's Okapi scoring (backends/server/scoring.py).
EXPECTED_SCORING = {"opensearch": "okapi", "elasticsearch": "bm25"}
MISSING_MODULE = "n'a pas de module d'analyse du français"
TIMEOUT = 60


@pytest.fixture(params=ENGINES)
def served(request, corpus_functional, monkeypatch):
    portal = corpus_functional["portal"]
    settings = require(request.param)
    index_site(portal, settings)
    use(monkeypatch, settings)
    return portal, settings


def test_detection_and_start_up_message(served, caplog, monkeypatch):
    portal, settings = served
    target = target_for(portal, settings)
    caplog.set_level(logging.INFO, logger="traite_portal.search")
    assert target.detect_analysis() == EXPECTED_ANALYSIS[settings.engine]
    monkeypatch.setattr(worker, "_announced", set())
    assert worker.Worker(portal._p_jar.db(), {portal.getId()}).run_once() >= 0
    messages = [r.getMessage() for r in caplog.records]
    said = [m for m in messages if target.alias in m]
    if settings.engine == "elasticsearch":
        assert any(MISSING_MODULE in m for m in messages)
        assert said == [
            f"Index {target.alias} sur elasticsearch : le serveur n'analyse pas le "
            "français, le portail analyse le texte lui-même (mêmes réponses, "
            "extraits faits par le portail)."
        ]
    else:
        assert not any(MISSING_MODULE in m for m in messages)
        assert said == [
            f"Index {target.alias} sur opensearch : analyse du français par le serveur."
        ]
    assert target.current_analysis() == EXPECTED_ANALYSIS[settings.engine]
    assert target.meta()["scoring"] == EXPECTED_SCORING[settings.engine]


def test_rest_answer_names_backend_and_analysis(served, monkeypatch):
    portal, settings = served
    url = f"{portal.absolute_url()}/@legal-search"
    params = {"q": "victimes étrangères"}
    headers = {"Accept": "application/json"}
    answer = requests.get(url, params=params, headers=headers, timeout=TIMEOUT).json()
    use(monkeypatch, None)
    catalog = requests.get(url, params=params, headers=headers, timeout=TIMEOUT).json()
    status = answer["backend_status"]
    assert answer["backend"] == settings.engine
    assert status["analysis"] == EXPECTED_ANALYSIS[settings.engine]
    assert status["fallback_from"] is None
    if settings.engine == "elasticsearch":
        assert MISSING_MODULE in status["notice"]
    else:
        assert status["notice"] is None
    assert catalog["backend"] == "catalog"
    assert answer["facets"] == catalog["facets"]
    assert answer["items_total"] == catalog["items_total"]
    # The same items with the same snippets (scores are each backend's own
    # scale; the order is compared by the relevance set's test).
    assert by_uid(answer) == by_uid(catalog)


def by_uid(answer: dict) -> dict:
    return {
        item["UID"]: {key: value for key, value in item.items() if key != "score"}
        for item in answer["items"]
    }


def stop_word_texts() -> list[str]:
    """Every stop word between two words, as written and in capitals, and
    every elided article before a word, straight and curly."""
    words = " ".join(f"{word} victime" for word in sorted(STOP_WORDS))
    elided = " ".join(f"{a}'exploitation {a}’État" for a in sorted(ELIDED))
    return [words, words.upper(), elided]


def test_server_tokens_and_positions_are_the_catalogs(corpus_functional):
    # The catalog drops stop words before counting positions: a phrase
    # (« STCE n° 197 ») matches the same texts only without position gaps.
    portal = corpus_functional["portal"]
    settings = require("opensearch")
    index_site(portal, settings)
    target = target_for(portal, settings)
    catalog = api.portal.get_tool("portal_catalog")
    texts = [
        (brain.getPath(), field, document_for(catalog, brain, SERVER_ANALYSIS)[field])
        for brain in indexable_brains(catalog)
        for field in TEXT_FIELDS
    ]
    texts += [("stop words", "SearchableText", text) for text in stop_word_texts()]
    differ = {}
    for path, field, text in texts:
        body = {"field": field, "text": text}
        answer = target.engine.call("indices.analyze", index=target.alias, body=body)
        server = [(token["position"], token["token"]) for token in answer["tokens"]]
        if server != list(enumerate(analyse_text(text))):
            differ[(path, field)] = server
    assert len(texts) > len(TEXT_FIELDS) * 100
    assert differ == {}
