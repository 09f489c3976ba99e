"""Compare the catalog and the index; repair what differs.

Per item: UID, modification date, review state and ``allowedRolesAndUsers``.
An item the index lacks or holds differently is indexed again, an index
document without a catalogued item is deleted. Run it after restoring a
backup, after a server lost data, or on a schedule.
"""

from dataclasses import dataclass
from dataclasses import field
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.indexing.outbox import operations
from traite_portal.search.indexing.target import IndexTarget

import transaction


COMPARED = ("modified", "review_state", "allowedRolesAndUsers")
PAGE = 1000


@dataclass
class Drift:
    """What differs between the catalog and the index."""

    missing: list = field(default_factory=list)  # in the catalog only
    extra: list = field(default_factory=list)  # in the index only
    different: list = field(default_factory=list)  # both, not alike

    @property
    def uids(self) -> list[str]:
        return self.missing + self.extra + self.different

    def summary(self) -> str:
        return (
            f"{len(self.missing)} manquant(s) dans l'index, {len(self.extra)} en "
            f"trop, {len(self.different)} différent(s)"
        )


def _state(modified, review_state, allowed) -> tuple:
    return (modified, review_state or None, tuple(sorted(allowed or ())))


def catalog_states(catalog) -> dict:
    """{UID: (modified, review_state, allowedRolesAndUsers)} from the catalog."""
    index = catalog._catalog.getIndex("allowedRolesAndUsers")
    states = {}
    for brain in indexable_brains(catalog):
        allowed = index._unindex.get(brain.getRID(), ())
        modified = brain.modified.ISO8601() if brain.modified else None
        states[brain.UID] = _state(modified, brain.review_state, allowed)
    return states


def index_states(target: IndexTarget) -> dict:
    """The same from the index, read page by page in UID order."""
    states, after = {}, None
    while True:
        body = {
            "query": {"match_all": {}},
            "size": PAGE,
            "sort": [{"UID": "asc"}],
            "_source": ["UID", *COMPARED],
        }
        if after:
            body["search_after"] = after
        hits = target.engine.search(target.alias, body)["hits"]["hits"]
        for hit in hits:
            source = hit["_source"]
            states[hit["_id"]] = _state(
                source.get("modified"),
                (source.get("review_state") or [None])[0]
                if isinstance(source.get("review_state"), list)
                else source.get("review_state"),
                source.get("allowedRolesAndUsers"),
            )
        if len(hits) < PAGE:
            return states
        after = hits[-1]["sort"]


def compare(portal, target: IndexTarget) -> Drift:
    """The drift between the catalog and the index (nothing changed)."""
    expected = catalog_states(portal.portal_catalog)
    actual = index_states(target)
    drift = Drift()
    for uid, state in expected.items():
        if uid not in actual:
            drift.missing.append(uid)
        elif actual[uid] != state:
            drift.different.append(uid)
    drift.extra = sorted(set(actual) - set(expected))
    return drift


def reconcile(portal, target: IndexTarget, repair: bool = True) -> Drift:
    """Compare, and (unless ``repair`` is False) make the index match."""
    transaction.begin()
    drift = compare(portal, target)
    if repair and drift.uids:
        analysis = target.current_analysis() or target.detect_analysis()
        # One above the log's head: a repair must win over the tombstone a
        # stray delete left (its version is one above the document's).
        version = consumers.log_of(portal).head + 1
        ops = operations(
            portal.portal_catalog, drift.uids, target.alias, analysis, version
        )
        target.engine.bulk(ops, refresh=True)
    transaction.abort()
    return drift
