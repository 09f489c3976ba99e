"""The background threads (search indexing, webhooks) on a real database:
an unexpected error is logged and retried, never the end of the thread; a
closed database (the process stopping) ends the thread quietly."""

from traite_portal.search.indexing.worker import Worker as SearchWorker
from traite_portal.webhooks.worker import WorkerThread
from ZODB import DB
from ZODB.MappingStorage import MappingStorage

import logging
import pytest
import threading
import time


def _search_thread(db):
    worker = SearchWorker(db, interval=0.01)
    return worker, threading.Thread(target=worker.run, daemon=True)


def _webhooks_thread(db):
    thread = WorkerThread(db, interval=0.01)
    return thread, thread


def _wait(condition, seconds=20.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (_search_thread, "Indexation de la recherche : erreur inattendue"),
        (_webhooks_thread, "webhooks: tick failed"),
    ],
)
def test_errors_are_retried_and_closing_ends_the_thread(start, message, caplog):
    # A database without a Zope application: every pass fails (KeyError).
    db = DB(MappingStorage())
    failed = threading.excepthook
    uncaught = []
    threading.excepthook = uncaught.append
    try:
        _, thread = start(db)
        with caplog.at_level(logging.ERROR):
            thread.start()
            assert _wait(lambda: len(caplog.records) >= 2)
        assert thread.is_alive()
        assert all(record.exc_info for record in caplog.records)
        assert all(message in record.getMessage() for record in caplog.records)
        db.close()
        assert _wait(lambda: not thread.is_alive())
    finally:
        threading.excepthook = failed
    assert uncaught == []


class _TornDownLayerDB:
    """What ``Zope2.DB`` is in a test process once plone.testing's layer is
    torn down: every attribute raises ``KeyError: 'zodbDB'``."""

    def __getattr__(self, name):
        raise KeyError("zodbDB")


@pytest.mark.parametrize("start", [_search_thread, _webhooks_thread])
def test_a_torn_down_test_database_ends_the_thread_quietly(start):
    failed = threading.excepthook
    uncaught = []
    threading.excepthook = uncaught.append
    try:
        _, thread = start(_TornDownLayerDB())
        thread.start()
        assert _wait(lambda: not thread.is_alive())
    finally:
        threading.excepthook = failed
    assert uncaught == []
