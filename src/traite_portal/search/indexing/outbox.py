"""The durable outbox: the change log's consumer ``search-indexer``.

Each content change is recorded in the change log in the change's own
transaction (``traite_portal.changelog``): nothing is sent to the search
server inside a commit. ``drain`` reads the entries after the consumer's
cursor, sends the *current* state of each item they name (or its deletion)
in one bulk request, and acknowledges them only once the server has taken
them: a failure leaves them pending for the next try, and sending them again
is harmless (same document, same id). Documents carry the log's head as an
external version, so an older state never overwrites a newer one.
"""

from traite_portal.changelog import consumers
from traite_portal.changelog.dates import release_due
from traite_portal.search.backends.server.documents import document_for
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.indexing.target import IndexTarget

import transaction


CONSUMER = "search-indexer"
BATCH = 200


def operations(catalog, uids, target_index: str, analysis: str, version: int):
    """Bulk operations that make the index hold the current state of ``uids``."""
    brains = {b.UID: b for b in indexable_brains(catalog, UID=list(uids))}
    ops = []
    meta = {"_index": target_index, "version": version, "version_type": "external_gte"}
    for uid in uids:
        brain = brains.get(uid)
        if brain is None:
            ops.append({"delete": {**meta, "_id": uid}})
        else:
            ops.append({"index": {**meta, "_id": uid}})
            ops.append(document_for(catalog, brain, analysis))
    return ops


def register(portal) -> int:
    """Register the indexer's consumer (idempotent)."""
    return consumers.register_consumer(portal, CONSUMER)


def drain_batch(portal, target: IndexTarget, analysis: str, limit=BATCH) -> int:
    """Apply up to ``limit`` pending entries and commit the acknowledgement.

    Returns how many entries were applied (0: nothing pending). Raises
    ``ServerUnavailable`` (nothing acknowledged) when the server fails.
    """
    transaction.begin()
    log = consumers.log_of(portal)
    if release_due(log):
        transaction.commit()  # publication dates reached: entries to index
        transaction.begin()
    changes = consumers.pending(portal, CONSUMER, limit)
    if not changes:
        transaction.abort()
        return 0
    uids = list(dict.fromkeys(change.uid for change in changes))
    catalog = portal.portal_catalog
    target.engine.bulk(operations(catalog, uids, target.alias, analysis, log.head))
    consumers.ack(portal, CONSUMER, changes[-1].seq)
    transaction.get().note(f"search-indexer: {len(changes)} entries")
    transaction.commit()
    return len(changes)


def drain(portal, target: IndexTarget, analysis: str, limit=None) -> int:
    """Drain until nothing is pending (or ``limit`` entries); how many."""
    done = 0
    while limit is None or done < limit:
        count = drain_batch(portal, target, analysis)
        if not count:
            break
        done += count
    return done
