"""An index the change log cannot version is rebuilt, never trusted.

Documents carry the log's head as external version. An index filled from
another log (a new site pointed at an old index, a log restored with a new
id) or holding versions above the head (an older database restored under a
newer index) refuses the writes of this log: the reconciler and the indexer
rebuild it (the full reindex's alias swap), and a refused write is never
counted as done.
"""

from plone import api
from search_drift import ahead_of_the_log
from search_drift import catalog_state
from search_drift import indexed_state
from search_servers import use
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import document_for
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.outbox import IndexAheadOfLog
from traite_portal.search.indexing.reconcile import compare
from traite_portal.search.indexing.reconcile import reconcile
from traite_portal.search.indexing.worker import Worker
from zope.component.hooks import setSite

import pytest
import secrets
import transaction


def log_id(portal) -> str:
    transaction.begin()
    return consumers.log_of(portal).log_id


def test_index_records_the_logs_id(indexed):
    portal, target, analysis = indexed
    assert target.meta()["log_id"] == log_id(portal)
    assert not target.needs_rebuild(log_id(portal))


def test_index_of_another_log_is_rebuilt_by_the_reconciler(indexed):
    portal, target, analysis = indexed
    before = target.engine.alias_indices(target.alias)
    transaction.begin()
    consumers.log_of(portal).log_id = secrets.token_hex(6)  # a new log
    transaction.commit()
    assert target.needs_rebuild(log_id(portal))
    drift = reconcile(portal, target)
    assert drift.rebuilt
    assert target.engine.alias_indices(target.alias) != before
    assert target.meta()["log_id"] == log_id(portal)
    assert compare(portal, target).uids == []


def test_indexer_rebuilds_an_index_ahead_of_the_log(indexed, monkeypatch):
    portal, target, analysis = indexed
    stale, gone = ahead_of_the_log(portal, target, analysis)
    with api.env.adopt_roles(["Manager"]):
        item = api.content.get(UID=stale[0])
        item.title = f"{item.title} (modifié)"
        item.reindexObject()
    transaction.commit()
    # The drain is refused by versions above the head: nothing acknowledged.
    with pytest.raises(IndexAheadOfLog):
        drain(portal, target, analysis)
    transaction.begin()
    assert consumers.pending(portal, "search-indexer", 10)
    use(monkeypatch, target.settings)
    try:
        assert Worker(portal._p_jar.db(), {portal.getId()}).run_once() >= 1
    finally:
        setSite(portal)  # the pass leaves this thread without a site
    transaction.begin()
    assert compare(portal, target).uids == []
    for uid in [*stale, gone]:
        assert indexed_state(target, uid) == catalog_state(portal, uid)
    body = {"query": {"ids": {"values": [stale[0]]}}, "_source": ["Title"]}
    (hit,) = target.engine.search(target.alias, body)["hits"]["hits"]
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=stale[0])
    current = document_for(portal.portal_catalog, brain, analysis)["Title"]
    assert hit["_source"]["Title"] == current
