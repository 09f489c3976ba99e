"""Search tests: no indexing thread in the test process; at the end, the test
indexes dropped and the servers the tests started stopped."""

from search_server_process import release_all
from search_servers import drop_test_indexes

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
