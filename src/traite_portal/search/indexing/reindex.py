"""A full reindex without downtime: new index, fill, swap the alias, drop old.

Searches go through the alias, which keeps pointing at the old index until
the new one is filled; the swap is one atomic alias update. Changes made while
the new index fills are in the change log: the indexer's cursor is moved back
to where the fill read the site, so they are applied to the new index too
(re-applying one is harmless).
"""

from datetime import datetime
from datetime import UTC
from itertools import islice
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import document_for
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.backends.server.documents import site_path
from traite_portal.search.backends.server.mapping import index_body
from traite_portal.search.indexing.outbox import CONSUMER
from traite_portal.search.indexing.outbox import register
from traite_portal.search.indexing.target import IndexTarget
from ZODB.POSException import ConflictError

import logging
import transaction


logger = logging.getLogger("traite_portal.search")
BATCH = 500


def new_index_name(alias: str) -> str:
    """``<alias>-<UTC time>``: a new concrete index behind the alias."""
    return f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def fill(catalog, target: IndexTarget, index: str, analysis: str, version, bar):
    """Index every catalogued item into ``index``; how many."""
    brains = indexable_brains(catalog)
    total = 0
    while batch := list(islice(brains, BATCH)):
        ops = []
        for brain in batch:
            meta = {"_index": index, "_id": brain.UID}
            ops.append(
                {"index": {**meta, "version": version, "version_type": "external_gte"}}
            )
            ops.append(document_for(catalog, brain, analysis))
        target.engine.bulk(ops)
        total += len(batch)
        bar.update(len(batch))
    return total


def swap_alias(target: IndexTarget, index: str) -> list[str]:
    """Point the alias at ``index`` in one update; drop the old indexes."""
    old = target.engine.alias_indices(target.alias)
    actions = [{"remove": {"index": name, "alias": target.alias}} for name in old]
    actions.append({"add": {"index": index, "alias": target.alias}})
    target.engine.update_aliases(actions)
    for name in old:
        target.engine.delete_index(name)
    return old


def rewind_consumer(portal, cursor: int, attempts: int = 5) -> None:
    """Move the indexer's cursor back to ``cursor`` (if it went past it)."""
    for _ in range(attempts):
        transaction.begin()
        if consumers.consumer_cursor(portal, CONSUMER) > cursor:
            consumers.reset_consumer(portal, CONSUMER, cursor)
        try:
            transaction.commit()
            return
        except ConflictError:  # the worker acknowledged meanwhile: again
            transaction.abort()
    raise ConflictError("the search indexer's cursor could not be rewound")


def full_reindex(portal, target: IndexTarget, progress: bool = True) -> dict:
    """Rebuild the site's index behind its alias; a summary."""
    from tqdm import tqdm

    analysis = target.detect_analysis()
    transaction.begin()
    register(portal)
    transaction.commit()
    transaction.begin()
    # What the fill reads is the site as of this snapshot, up to this head.
    log = consumers.log_of(portal)
    head = log.head
    catalog = portal.portal_catalog
    index = new_index_name(target.alias)
    body = index_body(analysis, target.detect_scoring(), log.log_id)
    target.engine.create_index(index, body)
    total = len(catalog.unrestrictedSearchResults(path=site_path(catalog)))
    with tqdm(
        total=total, desc="Réindexation", unit=" éléments", disable=not progress
    ) as bar:
        count = fill(catalog, target, index, analysis, head, bar)
    target.engine.refresh(index)
    transaction.abort()
    dropped = swap_alias(target, index)
    rewind_consumer(portal, head)
    logger.info(
        "Index %s rempli (%d éléments), alias %s basculé", index, count, target.alias
    )
    return {"index": index, "count": count, "dropped": dropped, "analysis": analysis}
