"""Apply the feed after the stored cursor: docs/sync.md's steps 3 and 4.

Each page is applied, then its cursor stored: a run killed in the middle of
a page applies it again, which is harmless (an item already fetched answers
304 to its ETag). Tombstones and removals delete the local files; any other
change fetches the item (a move also removes its old files); then the files
the changes made stale elsewhere are fetched again (``dependents``).
"""

from functools import partial
from traite_sync.dependents import parent
from traite_sync.dependents import stale
from traite_sync.dependents import Touched
from traite_sync.exits import SyncError
from traite_sync.feed import pages
from traite_sync.feed import REMOVALS
from traite_sync.fetch import fetch_item
from traite_sync.fetch import Outcome
from traite_sync.fetch import refresh_akn
from traite_sync.layout import item_files
from traite_sync.layout import remove_item
from traite_sync.mirror import Mirror
from traite_sync.state import Record
from traite_sync.workers import run_tasks


# Changes that change the container's content (and modification date).
STRUCTURAL = frozenset(("created", "deleted", "moved"))


def _remove_unrecorded(mirror: Mirror, path: str | None) -> None:
    """Remove the files at a removed item's last path that the state does not
    know: a killed run wrote them, and was killed before recording them."""
    if not path or mirror.state.at_paths({path}):
        return  # nothing there, or another item's files now
    try:
        files = item_files(mirror.root, path)
    except SyncError:
        return  # a refused path has no files
    if any(file.exists() for file in files):
        remove_item(mirror.root, path)


def _forget(
    mirror: Mirror, record: Record | None, touched: list[Touched], path=None
) -> None:
    if record is None:
        _remove_unrecorded(mirror, path)
        return
    if record.path:
        remove_item(mirror.root, record.path)
    mirror.state.forget(record.uid)
    touched.append(Touched(record.uid, record.portal_type, frozenset({record.path})))
    mirror.count("supprimés")


def _fetched(mirror: Mirror, known: dict, touched: list[Touched], bar):
    """The main thread's handling of one fetch: record, or forget."""
    generation = int(mirror.state.get("generation"))

    def handle(outcome: Outcome) -> None:
        before = known.get(outcome.uid)
        if outcome.status == "written":
            mirror.state.record(outcome.record, outcome.refs, generation)
            paths = {outcome.record.path} | ({before.path} if before else set())
            touched.append(
                Touched(outcome.uid, outcome.record.portal_type, frozenset(paths))
            )
            mirror.count("écrits")
        elif outcome.status == "gone":
            _forget(mirror, before, touched)
        elif outcome.status == "akn":
            mirror.count("documents")
        mirror.state.commit()
        bar.update()

    return handle


def apply_page(mirror: Mirror, items: list[dict], bar) -> None:
    """Apply one page of the feed to the mirror and the state."""
    state = mirror.state
    latest: dict[str, dict] = {}
    for item in items:  # the last change of an item says what it is now
        latest.pop(item["UID"], None)
        latest[item["UID"]] = item
    touched: list[Touched] = []
    known: dict[str, Record | None] = {}
    appeared: set[str] = set()
    containers = {
        parent(path)
        for item in items
        if item["kind"] in STRUCTURAL
        for path in (item["path"], item.get("old_path"))
        if path
    }
    tasks = []
    for uid, item in latest.items():
        record = known[uid] = state.item(uid)
        if item["kind"] in REMOVALS:
            _forget(mirror, record, touched, item.get("path"))
            bar.update()
            continue
        if record is not None and record.path and record.path != item["path"]:
            remove_item(mirror.root, record.path)  # moved: new files come next
        if record is None and item["kind"] == "created":
            appeared.add(uid)
        tasks.append(partial(_one, mirror, uid, item["@id"], record, True))
    state.commit()
    handle = _fetched(mirror, known, touched, bar)
    run_tasks(mirror.workers, tasks, handle)
    whole, documents = stale(mirror, touched, appeared, containers)
    for record in whole:
        known[record.uid] = record
    url = mirror.site_url
    run_tasks(
        mirror.workers,
        [partial(_one, mirror, r.uid, url + r.path, r, False) for r in whole],
        handle,
    )
    run_tasks(
        mirror.workers, [partial(_document, mirror, r) for r in documents], handle
    )


def _one(
    mirror: Mirror, uid: str, url: str, record, conditional: bool, hand_over
) -> None:
    hand_over(fetch_item(mirror, uid, url, record, conditional))


def _document(mirror: Mirror, record: Record, hand_over) -> None:
    hand_over(refresh_akn(mirror, record))


def run_incremental(mirror: Mirror) -> None:
    """Read and apply the feed from the stored cursor; ``CursorGone`` on 410."""
    state = mirror.state
    since = state.get("cursor")
    etag = state.get("feed_etag") if state.get("feed_since") == since else None
    bar = mirror.progress(None, "Modifications")
    try:
        for page, page_etag in pages(mirror, since, etag):
            apply_page(mirror, page["items"], bar)
            asked, since = since, page["cursor"]
            # The ETag answers this URL again only if nothing came after it.
            state.put("feed_since", since if since == asked else None)
            state.put("feed_etag", page_etag if since == asked else None)
            state.put("cursor", since)
            state.commit()
    finally:
        bar.close()
