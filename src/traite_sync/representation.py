"""What the mirror keeps of an item's plone.restapi representation, as bytes.

The JSON of ``GET <item>`` also summarises other items: its children
(``items``), its parent and neighbours, and its lock. These change when the
other items change, without any change of this one, so the feed never says
to fetch it again: the mirror leaves them out (the children are files of
their own; the parent is the directory). What remains is the item's own data
and its relations; relations name their targets by UID, and the client fetches
an item again when a target it refers to changes (``dependents``).
"""

from traite_sync.exits import Exit
from traite_sync.exits import SyncError

import json


# Keys of plone.restapi's representation that describe other items.
NOT_MIRRORED = frozenset(
    ("items", "items_total", "batching", "parent", "previous_item", "next_item", "lock")
)


def mirrored(data: dict) -> dict:
    """The representation without what describes other items."""
    return {key: value for key, value in data.items() if key not in NOT_MIRRORED}


def json_bytes(data: dict) -> bytes:
    """The mirrored JSON as written to disk: sorted keys, UTF-8, indented."""
    text = json.dumps(mirrored(data), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def references(data: dict) -> set[str]:
    """The UIDs of the other items the mirrored JSON mentions (relations)."""
    found: set[str] = set()

    def visit(value, top: bool) -> None:
        if isinstance(value, dict):
            if not top and isinstance(value.get("UID"), str):
                found.add(value["UID"])
            for inner in value.values():
                visit(inner, False)
        elif isinstance(value, list):
            for inner in value:
                visit(inner, False)

    visit(mirrored(data), True)
    found.discard(data.get("UID"))
    return found


def relative_path(site_url: str, url: str) -> str:
    """An item's path below the site (``/a/b``) from its URL."""
    if url != site_url and not url.startswith(site_url + "/"):
        raise SyncError(
            Exit.PORTAL, f"élément hors du site synchronisé : {url} (site : {site_url})"
        )
    return url[len(site_url) :]
