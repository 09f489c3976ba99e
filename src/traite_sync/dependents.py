"""Which other mirrored files a change makes stale: rules as data.

- **Relations.** An item's JSON summarises the items it refers to (title,
  URL, state) and its Akoma Ntoso document names them: when one of those
  changes, moves or goes, the referrer is fetched again, JSON and document. A
  reader who starts to see an item also starts to see it in the relations of
  other items: ``@relations?target=<UID>`` finds them.
- **Ancestors.** The plan's document holds its chapters, measures, annexes and
  proposals, a chapter's its measures: when an item changes, the documents of
  the mirrored items above it are fetched again.
- **Descendants.** Documents inside a plan are named after it (a measure is a
  portion of its plan, a proposal names what it answers): when an item of a
  type in ``AKN_NAMING`` changes, the documents below it are fetched again.
- **Containers.** Adding, removing or moving an item changes its
  container's modification date, and the log records no entry for the
  container (the child has its own): the containers of the items created,
  deleted or moved are fetched again.
- **Collections.** A library's document embeds every text inside it whole:
  it is not mirrored (each text is), so that a change of one text does not
  fetch the whole library again.
"""

from dataclasses import dataclass
from traite_sync.mirror import Mirror
from traite_sync.state import Record


AKN_COLLECTIONS = frozenset({"TextLibrary"})
AKN_NAMING = frozenset({"ActionPlan", "Chapter", "Measure", "Annex"})


@dataclass(frozen=True)
class Touched:
    """An item whose mirrored files changed or went, at these paths."""

    uid: str
    portal_type: str
    paths: frozenset[str]


def ancestors(path: str) -> set[str]:
    """The paths above ``/a/b/c``: ``/a`` and ``/a/b``."""
    parts = path.strip("/").split("/")
    return {"/" + "/".join(parts[:n]) for n in range(1, len(parts))}


def relation_sources(mirror: Mirror, uid: str) -> set[str]:
    """The UIDs of the items with a relation to ``uid`` the reader may see."""
    response = mirror.http.get(f"{mirror.site_url}/@relations", params={"target": uid})
    if response.status_code != 200:
        return set()  # the reader may not query relations: nothing more to learn
    sources = set()
    for found in (response.json().get("relations") or {}).values():
        items = found.get("items", []) if isinstance(found, dict) else found
        for relation in items:
            source = relation.get("source") or {}
            if isinstance(source.get("UID"), str):
                sources.add(source["UID"])
    return sources


def parent(path: str) -> str:
    """The path of the container of the item at ``path``."""
    return path.rsplit("/", 1)[0]


def _whole(
    mirror: Mirror, done: set[str], appeared: set[str], containers: set[str]
) -> dict[str, Record]:
    """Referrers of what changed, containers, and sources of what appeared."""
    state = mirror.state
    found = {r.uid: r for r in state.referrers(done)}
    found.update((r.uid, r) for r in state.at_paths(containers))
    for uid in sorted(appeared):
        for source in relation_sources(mirror, uid):
            record = state.item(source)
            if record is not None:
                found[source] = record
    return {uid: record for uid, record in found.items() if uid not in done}


def stale(
    mirror: Mirror, touched: list[Touched], appeared: set[str], containers: set[str]
) -> tuple[list[Record], list[Record]]:
    """The items to fetch again whole, and those whose document alone.

    ``containers`` are the paths of the containers whose content changed.
    """
    state = mirror.state
    done = {item.uid for item in touched}
    whole = _whole(mirror, done, appeared, containers)
    changed = [
        *touched,
        *(Touched(r.uid, r.portal_type, frozenset({r.path})) for r in whole.values()),
    ]
    documents: dict[str, Record] = {}
    for item in changed:
        above = set().union(*(ancestors(path) for path in item.paths))
        related = state.at_paths(above)
        if item.portal_type in AKN_NAMING:
            for path in item.paths:
                related.extend(state.under(path))
        for record in related:
            if record.akn and record.uid not in done and record.uid not in whole:
                documents[record.uid] = record
    return list(whole.values()), list(documents.values())
