"""Search tests: no indexing thread in the test process, test indexes dropped."""

from search_servers import drop_test_indexes

import os
import pytest


# The WSGI test server must not start the worker thread: tests drain themselves.
os.environ["TRAITE_SEARCH_WORKER"] = "off"


@pytest.fixture(scope="session", autouse=True)
def _drop_search_indexes():
    yield
    drop_test_indexes()
