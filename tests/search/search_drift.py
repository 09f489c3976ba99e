"""Put a search index out of step with the site, as restores and stray
writes do, and read an item's state on both sides."""

from itertools import islice
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.indexing.outbox import operations
from traite_portal.search.indexing.target import IndexTarget

import transaction


def ahead_of_the_log(portal, target, analysis, above=50):
    """Give the index versions ``above`` past the log's head: three documents
    in an older state (another review state, an older date) and one deleted.
    Returns (the stale UIDs, the deleted UID)."""
    transaction.begin()
    catalog = portal.portal_catalog
    head = consumers.log_of(portal).head
    *stale, gone = [brain.UID for brain in islice(indexable_brains(catalog), 4)]
    ops = operations(catalog, stale, target.alias, analysis, head + above)
    for doc in ops[1::2]:
        doc.update(review_state=["stale"], modified="2001-01-01T00:00:00+00:00")
    meta = {"_index": target.alias, "version": head + above}
    ops.append({"delete": {**meta, "_id": gone, "version_type": "external"}})
    assert target.engine.bulk(ops, refresh=True)["refused"] == []
    transaction.abort()
    return stale, gone


def indexed_state(target: IndexTarget, uid: str) -> tuple:
    body = {"query": {"ids": {"values": [uid]}}, "_source": ["review_state"]}
    hits = target.engine.search(target.alias, body)["hits"]["hits"]
    return tuple(hits[0]["_source"]["review_state"]) if hits else None


def catalog_state(portal, uid: str) -> tuple:
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=uid)
    return (brain.review_state,) if brain.review_state else ()
