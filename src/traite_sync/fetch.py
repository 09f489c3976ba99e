"""Fetch an item's representation and Akoma Ntoso document, and write them."""

from dataclasses import dataclass
from dataclasses import field
from traite_sync.batchwrite import write_items
from traite_sync.dependents import AKN_COLLECTIONS
from traite_sync.http import json_of
from traite_sync.http import refused
from traite_sync.layout import item_files
from traite_sync.layout import write_akn
from traite_sync.layout import write_item
from traite_sync.mirror import Mirror
from traite_sync.representation import json_bytes
from traite_sync.representation import references
from traite_sync.representation import relative_path
from traite_sync.state import Record


AKN_ACCEPT = "application/akn+xml, application/xml;q=0.9"
# The reader no longer sees the item (deleted, retracted, moved away).
GONE = (401, 403, 404)
# ``store`` fetches the document itself unless it is given.
FETCH = object()


@dataclass
class Outcome:
    """What fetching one item gave: ``written``, ``unchanged`` or ``gone``."""

    uid: str
    status: str
    record: Record | None = None
    refs: set[str] = field(default_factory=set)


def akn_of(mirror: Mirror, url: str, portal_type: str) -> bytes | None:
    """The item's Akoma Ntoso document; None for a type that has none."""
    if portal_type in AKN_COLLECTIONS:
        return None
    response = mirror.http.get(f"{url}/@akn", headers={"Accept": AKN_ACCEPT})
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        raise refused(response, f"le document Akoma Ntoso de {url}")
    return response.content


def batch_items(mirror: Mirror, uids: list[str]) -> list[tuple[dict, object]] | None:
    """The representations and documents of ``uids`` in one request.

    ``@akn-documents?fullobjects``: each item the reader may view, as
    ``(representation, document bytes or None)``; None from a portal that
    does not give them (the caller then reads them apart).
    """
    response = mirror.http.get(
        f"{mirror.scope_url}/@akn-documents",
        params={"UID": uids, "fullobjects": 1},
    )
    if response.status_code == 404:
        return None
    data = json_of(response, "les éléments et leurs documents (@akn-documents)")
    items = data.get("items", [])
    if any("representation" not in item for item in items):
        return None
    return [(item["representation"], _utf8(item.get("document"))) for item in items]


def _utf8(document: str | None) -> bytes | None:
    return None if document is None else document.encode("utf-8")


def _outcome(data: dict, path: str, etag: str | None, akn) -> Outcome:
    record = Record(
        uid=data["UID"],
        path=path,
        portal_type=data["@type"],
        modified=data.get("modified"),
        review_state=data.get("review_state"),
        etag=etag,
        akn=akn is not None,
    )
    return Outcome(data["UID"], "written", record, references(data))


def store(mirror: Mirror, data: dict, etag: str | None, akn=FETCH) -> Outcome:
    """Write an item from its representation and its document (fetched here
    unless ``akn`` gives it: bytes, or None for none)."""
    url = data["@id"]
    path = relative_path(mirror.site_url, url)
    if akn is FETCH:
        akn = akn_of(mirror, url, data["@type"])
    write_item(mirror.root, path, json_bytes(data), akn)
    return _outcome(data, path, etag, akn)


def store_batch(
    mirror: Mirror, pairs: list[tuple[dict, bytes | None]]
) -> list[Outcome]:
    """Write several items from ``(representation, document or None)``, their
    files flushed together (``batchwrite``); the outcomes once all are on disk."""
    files, outcomes = [], []
    for data, akn in pairs:
        path = relative_path(mirror.site_url, data["@id"])
        files.append((path, json_bytes(data), akn))
        outcomes.append(_outcome(data, path, None, akn))
    write_items(mirror.root, files)
    return outcomes


def fetch_item(
    mirror: Mirror, uid: str, url: str, known: Record | None, conditional: bool
) -> Outcome:
    """GET the item (``If-None-Match`` its ETag when ``conditional``), write it."""
    headers = None
    if conditional and known is not None and known.etag and known.path:
        json_file = item_files(mirror.root, known.path)[0]
        if json_file.exists():
            headers = {"If-None-Match": known.etag}
    response = mirror.http.get(url, headers=headers)
    if response.status_code == 304:
        return Outcome(uid, "unchanged", known)
    if response.status_code in GONE:
        return Outcome(uid, "gone")
    data = json_of(response, f"l'élément {url}")
    return store(mirror, data, response.headers.get("ETag"))


def refresh_akn(mirror: Mirror, record: Record) -> Outcome:
    """Fetch and write an item's Akoma Ntoso document alone."""
    url = f"{mirror.site_url}{record.path}"
    akn = akn_of(mirror, url, record.portal_type)
    if akn is not None:
        write_akn(mirror.root, record.path, akn)
    return Outcome(record.uid, "akn", record)
