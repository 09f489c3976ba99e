"""The durable outbox: the change log's consumer ``search-indexer``.

Each content change is recorded in the change log in the change's own
transaction (``traite_portal.changelog``): nothing is sent to the search
server inside a commit. ``drain`` reads the entries after the consumer's
cursor, sends the *current* state of each item they name (or its deletion)
in one bulk request, and acknowledges them only once the server has taken
them: a failure leaves them pending for the next try, and sending them again
is harmless (same document, same id). Documents carry the log's head as an
external version, so an older state never overwrites a newer one. A write
the server refuses is a success only when a newer write won (a version up to
the head); a version above the head means the index is ahead of this log
(an older database restored under it): ``IndexAheadOfLog``, nothing
acknowledged, and the worker rebuilds the index.
"""

from traite_portal.changelog import consumers
from traite_portal.changelog.dates import release_due
from traite_portal.search.backends.server.documents import document_for
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.indexing.target import IndexTarget

import transaction


CONSUMER = "search-indexer"
BATCH = 200


class IndexAheadOfLog(Exception):
    """The index holds versions above the change log's head: rebuild it."""


def check_refused(target: IndexTarget, refused: list, head: int) -> None:
    """``IndexAheadOfLog`` unless every refused write lost to a version up to
    ``head`` (a newer write of this log)."""
    versions = target.engine.versions(target.alias, refused)
    ahead = sorted(uid for uid, version in versions.items() if version > head)
    if ahead:
        raise IndexAheadOfLog(f"{len(ahead)} document(s) above head {head}")


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
    ``ServerUnavailable`` (nothing acknowledged) when the server fails,
    ``IndexAheadOfLog`` (nothing acknowledged) when it refused writes because
    the index is ahead of the log.
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
    ops = operations(catalog, uids, target.alias, analysis, log.head)
    check_refused(target, target.engine.bulk(ops)["refused"], log.head)
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
