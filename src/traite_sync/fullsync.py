"""A full sync, as docs/sync.md describes it: the cursor first, then everything.

It resumes where a killed run stopped: the state keeps the feed's cursor taken
at the start, the last UID of a listing page fully written, and a generation
number stamped on every item listed. An item listed with the path,
modification date and review state the state has for it is kept, not
downloaded. Once the listing ends, the items it did not list (deleted while
the client was away, or outside new options) are removed, and the feed is
read from the cursor of the start: what changed meanwhile comes again.
"""

from concurrent.futures import ThreadPoolExecutor
from functools import partial
from traite_sync.feed import head_cursor
from traite_sync.fetch import akn_of
from traite_sync.fetch import batch_items
from traite_sync.fetch import Outcome
from traite_sync.fetch import store_batch
from traite_sync.layout import item_files
from traite_sync.layout import remove_item
from traite_sync.listing import full_objects
from traite_sync.listing import Listed
from traite_sync.listing import listing_page
from traite_sync.mirror import Mirror
from traite_sync.state import Record
from traite_sync.workers import run_tasks


# Items per request (``@akn-documents?fullobjects``, written together):
# fewer requests (each has a fixed cost on the server) and fewer waits for
# the disk; a killed run fetches again at most the batches being written.
# The server's limit (``MAX_UIDS`` of ``@akn-documents``): half the requests
# of 25, and an item's relation targets summarised once for more items.
JSON_BATCH = 50


def begin(mirror: Mirror) -> None:
    """Step 1: take the feed's cursor and start a new generation."""
    state = mirror.state
    state.put("full_cursor", head_cursor(mirror))
    state.put("full_after", None)
    state.put("generation", str(int(state.get("generation", "0")) + 1))
    state.put("cursor", None)
    state.commit()


def unchanged(mirror: Mirror, record: Record | None, item: Listed) -> bool:
    """True when the mirror holds the listed item as it is now."""
    return (
        record is not None
        and (record.path, record.modified, record.review_state)
        == (item.path, item.modified, item.review_state)
        and item_files(mirror.root, record.path)[0].exists()
    )


def _sort_out(mirror: Mirror, listed: list[Listed], generation: int, bar) -> list[str]:
    """The UIDs to download; the others, unchanged, are marked seen."""
    state = mirror.state
    todo = []
    for item in listed:
        known = state.item(item.uid)
        if unchanged(mirror, known, item):
            state.mark_seen(item.uid, generation)
            mirror.count("inchangés")
            bar.update()
            continue
        if known is not None and known.path and known.path != item.path:
            remove_item(mirror.root, known.path)  # moved while away
        todo.append(item.uid)
    state.commit()
    return todo


def _fetch_batch(mirror: Mirror, uids: list[str], hand_over) -> None:
    """A batch in one request, each item's representation and its document
    (from a portal without ``@akn-documents``: the representations, then each
    document), written together."""
    pairs = batch_items(mirror, uids)
    if pairs is None:
        objects = full_objects(mirror, uids)
        pairs = [(data, akn_of(mirror, data["@id"], data["@type"])) for data in objects]
    for outcome in store_batch(mirror, pairs):
        hand_over(outcome)


def run_full(mirror: Mirror) -> None:
    """Step 2, resumable: list everything, write what the mirror lacks."""
    state = mirror.state
    if state.get("full_cursor") is None:
        begin(mirror)
    generation = int(state.get("generation"))
    after = state.get("full_after")
    bar = mirror.progress(None, "Synchronisation complète")

    def record(outcome: Outcome) -> None:
        state.record(outcome.record, outcome.refs, generation)
        state.commit()
        mirror.count("écrits")
        bar.update()

    # The next listing page is read while this page's batches are fetched:
    # the portal never waits for the client between two pages.
    lister = ThreadPoolExecutor(max_workers=1, thread_name_prefix="traite-list")
    try:
        upcoming = lister.submit(listing_page, mirror, after)
        while True:
            listed, remaining = upcoming.result()
            if bar.total is None:
                bar.total = remaining
            if not listed:
                break
            upcoming = lister.submit(listing_page, mirror, listed[-1].uid)
            todo = _sort_out(mirror, listed, generation, bar)
            batches = [
                todo[i : i + JSON_BATCH] for i in range(0, len(todo), JSON_BATCH)
            ]
            tasks = [partial(_fetch_batch, mirror, batch) for batch in batches]
            run_tasks(mirror.workers, tasks, record)
            after = listed[-1].uid
            state.put("full_after", after)
            state.commit()
    finally:
        lister.shutdown(wait=True, cancel_futures=True)
        bar.close()
    for gone in state.unseen(generation):
        if gone.path:
            remove_item(mirror.root, gone.path)
        state.forget(gone.uid)
        mirror.count("supprimés")
    state.put("cursor", state.get("full_cursor"))
    state.put("full_cursor", None)
    state.put("full_after", None)
    state.commit()
