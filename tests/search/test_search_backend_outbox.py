"""Indexing through the durable outbox (the change log's ``search-indexer``
consumer), the reconciler and the full reindex, against both real servers.

A commit sends nothing; the drain sends what was committed and acknowledges
it only once the server took it; an aborted transaction leaves nothing; a
server outage loses nothing (a new connection, as after a restart, finds the
entries still pending and the worker sends them when the server is back).
"""

from plone import api
from search_drift import ahead_of_the_log
from search_drift import catalog_state
from search_drift import indexed_state
from search_servers import settings_for
from search_servers import use
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.backends.server.engines import get_engine
from traite_portal.search.backends.server.engines import ServerUnavailable
from traite_portal.search.indexing.outbox import CONSUMER
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.reconcile import compare
from traite_portal.search.indexing.reconcile import reconcile
from traite_portal.search.indexing.reindex import full_reindex
from traite_portal.search.indexing.target import IndexTarget
from traite_portal.search.indexing.worker import Worker

import pytest
import socket
import transaction


def in_index(target: IndexTarget, uid: str) -> bool:
    target.engine.refresh(target.alias)
    return bool(target.engine.count(target.alias, {"ids": {"values": [uid]}}))


def pending_uids(portal) -> set:
    transaction.begin()
    return {change.uid for change in consumers.pending(portal, CONSUMER, 10000)}


def create_page(portal, id_: str) -> str:
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(portal, "Document", id=id_, title="Page Zanzibar")
    return page.UID()


def dead_target(target: IndexTarget) -> IndexTarget:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = settings_for(target.settings.engine, url=f"http://127.0.0.1:{port}")
    return IndexTarget(settings, get_engine(settings), target.alias)


class TestOutbox:
    def test_commit_sends_nothing_drain_sends_it(self, indexed):
        portal, target, analysis = indexed
        uid = create_page(portal, "outbox-page")
        transaction.commit()
        assert not in_index(target, uid)
        assert uid in pending_uids(portal)
        assert drain(portal, target, analysis) >= 1
        assert in_index(target, uid)
        assert uid not in pending_uids(portal)

    def test_deletion_reaches_the_index(self, indexed):
        portal, target, analysis = indexed
        uid = create_page(portal, "outbox-deleted")
        transaction.commit()
        drain(portal, target, analysis)
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(portal["outbox-deleted"])
        transaction.commit()
        drain(portal, target, analysis)
        assert not in_index(target, uid)

    def test_aborted_transaction_indexes_nothing(self, indexed):
        portal, target, analysis = indexed
        uid = create_page(portal, "outbox-aborted")
        transaction.abort()
        assert uid not in pending_uids(portal)
        assert drain(portal, target, analysis) == 0
        assert not in_index(target, uid)

    def test_outage_loses_nothing_across_a_restart(self, indexed, monkeypatch):
        portal, target, analysis = indexed
        uid = create_page(portal, "outbox-outage")
        transaction.commit()
        with pytest.raises(ServerUnavailable):
            drain(portal, dead_target(target), analysis)
        transaction.abort()
        # What a restarted process reads: the committed log, a new connection.
        db = portal._p_jar.db()
        connection = db.open()
        try:
            site = connection.root()["Application"][portal.getId()]
            assert uid in pending_uids(site)
        finally:
            transaction.abort()
            connection.close()
        use(monkeypatch, target.settings)
        worker = Worker(db, site_ids={portal.getId()})
        assert worker.run_once() >= 1
        assert worker.failures == 0
        transaction.abort()
        assert in_index(target, uid)
        assert uid not in pending_uids(portal)


class TestRepairAndRebuild:
    def test_reconciler_repairs_drift(self, indexed):
        portal, target, analysis = indexed
        # The real case, not a new index: versions above the log's head, as
        # an older database restored under a newer index leaves them (and as
        # the layer, which forgets the log between tests, does too).
        stale, gone = ahead_of_the_log(portal, target, analysis)
        drift = compare(portal, target)
        assert set(stale) <= set(drift.different)
        assert gone in drift.missing
        assert set(stale) <= set(drift.ahead)
        drift = reconcile(portal, target)
        assert drift.rebuilt
        assert compare(portal, target).uids == []
        for uid in [*stale, gone]:
            assert indexed_state(target, uid) == catalog_state(portal, uid)
        head = consumers.log_of(portal).head
        assert max(target.engine.versions(target.alias, stale).values()) <= head
        # Drains are taken again: a new item reaches the index.
        uid = create_page(portal, "outbox-after-repair")
        transaction.commit()
        drain(portal, target, analysis)
        assert in_index(target, uid)

    def test_full_reindex_swaps_the_alias(self, indexed):
        portal, target, analysis = indexed
        before = target.engine.alias_indices(target.alias)
        summary = full_reindex(portal, target, progress=False)
        after = target.engine.alias_indices(target.alias)
        assert after == [summary["index"]]
        assert summary["dropped"] == before
        assert target.engine.indices(f"{target.alias}-*") == after
        assert summary["count"] == len(list(indexable_brains(portal.portal_catalog)))
        assert summary["analysis"] == analysis
        assert compare(portal, target).uids == []
