"""Who analyses French: OpenSearch (analysis-common) itself; Elasticsearch's
test build has no analysis module, so the backend says so at start-up and the
portal analyses text itself — and ``@legal-search`` answers alike over HTTP."""

from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.search.indexing import worker
from traite_portal.search.indexing.target import target_for

import logging
import pytest
import requests


# What each server of the CI can do (tests/search/search_servers.py).
EXPECTED_ANALYSIS = {"opensearch": "server", "elasticsearch": "portal"}
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
