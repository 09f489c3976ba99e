"""Compare the catalog and the index; repair what differs.

Per item: UID, modification date, review state and ``allowedRolesAndUsers``.
An item the index lacks or holds differently is indexed again, an index
document without a catalogued item is deleted. Run it after restoring a
backup, after a server lost data, or on a schedule.

Repairs carry the log's head as external version, so they are only taken by
an index whose versions come from this log and are not above its head. An
index filled from another log (its ``_meta.log_id`` is not the site's: a new
site pointed at an old index, a log recreated or restored with a new id) or
holding versions above the head (an older database restored under a newer
index) would refuse them as version conflicts: it is rebuilt instead (the
full reindex's alias swap), and a repair the server refuses all the same
triggers that rebuild too, never counted as done.
"""

from dataclasses import dataclass
from dataclasses import field
from traite_portal.changelog import consumers
from traite_portal.search.backends.server.documents import indexable_brains
from traite_portal.search.indexing.outbox import operations
from traite_portal.search.indexing.reindex import full_reindex
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
    ahead: list = field(default_factory=list)  # versions above the log's head
    rebuilt: str = ""  # why the index was rebuilt instead of repaired

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


def index_states(target: IndexTarget, versions: dict | None = None) -> dict:
    """The same from the index, read page by page in UID order (and each
    document's version into ``versions``)."""
    states, after = {}, None
    versions = {} if versions is None else versions
    while True:
        body = {
            "query": {"match_all": {}},
            "size": PAGE,
            "sort": [{"UID": "asc"}],
            "_source": ["UID", *COMPARED],
            "version": True,
        }
        if after:
            body["search_after"] = after
        hits = target.engine.search(target.alias, body)["hits"]["hits"]
        for hit in hits:
            versions[hit["_id"]] = hit["_version"]
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
    versions = {}
    actual = index_states(target, versions)
    head = consumers.log_of(portal).head
    drift = Drift()
    for uid, state in expected.items():
        if uid not in actual:
            drift.missing.append(uid)
        elif actual[uid] != state:
            drift.different.append(uid)
    drift.extra = sorted(set(actual) - set(expected))
    drift.ahead = sorted(uid for uid, version in versions.items() if version > head)
    return drift


def rebuild(portal, target: IndexTarget, drift: Drift, reason: str) -> Drift:
    """Replace the index by a full reindex (alias swap); ``drift`` says why."""
    transaction.abort()
    full_reindex(portal, target, progress=False)
    drift.rebuilt = reason
    return drift


def reconcile(portal, target: IndexTarget, repair: bool = True) -> Drift:
    """Compare, and (unless ``repair`` is False) make the index match.

    The drift returned is what was found; its ``rebuilt`` says why the index
    was rebuilt rather than repaired item by item (empty when it was not).
    """
    transaction.begin()
    log = consumers.log_of(portal)
    if repair and target.needs_rebuild(log.log_id):
        return rebuild(portal, target, Drift(), "index d'un autre journal")
    drift = compare(portal, target)
    if repair and drift.ahead:
        return rebuild(portal, target, drift, "versions au-delà du journal")
    if repair and drift.uids:
        analysis = target.current_analysis() or target.detect_analysis()
        ops = operations(
            portal.portal_catalog, drift.uids, target.alias, analysis, log.head
        )
        # Refused: the index holds a version above the head (a stray write
        # after the comparison): not repaired, so rebuilt.
        if target.engine.bulk(ops, refresh=True)["refused"]:
            return rebuild(portal, target, drift, "réparations refusées")
    transaction.abort()
    return drift
