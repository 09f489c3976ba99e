"""The real search servers the backend tests run against.

A test that needs a server starts it (``search_server_process``: once per
session whatever the xdist workers, through ``scripts/search_server.py``);
one that cannot start FAILS (a CI machine must run them). Only
``TRAITE_SEARCH_TESTS=skip`` (a machine without Java, said out loud) turns
that into a skip.
"""

from search_server_process import ensure_started
from traite_portal.search.backends.server.engines import get_engine
from traite_portal.search.backends.server.engines import ServerUnavailable
from traite_portal.search.backends.server.settings import ServerSettings
from traite_portal.search.indexing.outbox import register
from traite_portal.search.indexing.reconcile import reconcile
from traite_portal.search.indexing.reindex import full_reindex
from traite_portal.search.indexing.target import target_for

import os
import pytest
import transaction


ENGINES = ("opensearch", "elasticsearch")
URLS = {
    "opensearch": os.environ.get(
        "TRAITE_TEST_OPENSEARCH_URL",
        f"http://127.0.0.1:{os.environ.get('OPENSEARCH_PORT', '9250')}",
    ),
    "elasticsearch": os.environ.get(
        "TRAITE_TEST_ELASTICSEARCH_URL",
        f"http://127.0.0.1:{os.environ.get('ELASTICSEARCH_PORT', '9260')}",
    ),
}
# One prefix per test process: several checkouts may share the servers.
PREFIX = f"pytest{os.getpid()}"
BACKENDS = ("catalog", *ENGINES)


def settings_for(engine: str, **overrides) -> ServerSettings:
    values = {"url": URLS[engine], "engine": engine, "index_prefix": PREFIX}
    return ServerSettings(**{**values, "timeout": 10.0, **overrides})


def require(engine: str) -> ServerSettings:
    """The settings of a running server; fail (or skip, if told) otherwise."""
    settings = settings_for(engine)
    try:
        if os.environ.get("TRAITE_SEARCH_TESTS") != "skip":
            ensure_started(engine)
        get_engine(settings).health()
    except (ServerUnavailable, RuntimeError) as error:
        message = (
            f"{engine} ne répond pas sur {settings.url} ({error}) : lancez "
            f"`python3 scripts/search_server.py start {engine}`"
        )
        if os.environ.get("TRAITE_SEARCH_TESTS") == "skip":
            pytest.skip(message)
        pytest.fail(message)
    return settings


def use(monkeypatch, settings: ServerSettings | None) -> None:
    """Make the portal (this process, its WSGI threads) use ``settings``."""
    names = {
        "TRAITE_SEARCH_URL": "url",
        "TRAITE_SEARCH_ENGINE": "engine",
        "TRAITE_SEARCH_INDEX_PREFIX": "index_prefix",
        "TRAITE_SEARCH_TIMEOUT": "timeout",
    }
    for variable, name in names.items():
        if settings is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, str(getattr(settings, name)))


# Above this many differences, a full reindex is quicker than repairs.
REPAIR_LIMIT = 50


def index_site(portal, settings: ServerSettings) -> str:
    """Make the server hold the site's items (committed): the corpus layer
    keeps its UIDs for the session, so the corpus is indexed once per server
    and later tests only repair what they added (the reconciler)."""
    transaction.commit()
    target = target_for(portal, settings)
    # The functional layer forgets committed data between tests: the
    # indexer's consumer too.
    register(portal)
    transaction.commit()
    if not target.needs_rebuild():
        drift = reconcile(portal, target, repair=False)
        if len(drift.uids) <= REPAIR_LIMIT:
            reconcile(portal, target)
            return "repaired"
    full_reindex(portal, target, progress=False)
    target.engine.refresh(target.alias)
    return "reindexed"


def drop_test_indexes() -> None:
    """Delete this process's indexes on every server that answers."""
    for engine in ENGINES:
        server = get_engine(settings_for(engine))
        try:
            for name in server.indices(f"{PREFIX}-*"):
                server.delete_index(name)
        except ServerUnavailable:
            pass
