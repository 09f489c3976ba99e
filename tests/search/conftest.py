"""Search tests: no indexing thread in the test process; at the end, the test
indexes dropped and the servers the tests started stopped."""

from search_server_process import release_all
from search_servers import drop_test_indexes
from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.target import target_for

import os
import pytest


# The WSGI test server must not start the worker thread: tests drain themselves.
os.environ["TRAITE_SEARCH_WORKER"] = "off"


@pytest.fixture(scope="session", autouse=True)
def _drop_search_indexes():
    yield
    try:
        drop_test_indexes()
    finally:
        release_all()


@pytest.fixture(params=ENGINES)
def indexed(request, corpus_functional):
    """(portal, target, analysis): the site indexed on each server, nothing
    pending."""
    portal = corpus_functional["portal"]
    settings = require(request.param)
    index_site(portal, settings)
    target = target_for(portal, settings)
    analysis = target.current_analysis()
    drain(portal, target, analysis)
    return portal, target, analysis
