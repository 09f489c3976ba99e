"""Read what the mirror holds from ``@search``, for a full sync.

The listing pages on UIDs (``sort_on=UID`` and ``UID.range=min`` from the last
UID seen), not on an offset: an item created or deleted while the client
pages shifts no other item, so none is skipped or listed twice (what changes
meanwhile comes again through the feed). The items' representations are then
read in small batches with ``fullobjects``: one request for several items.
"""

from dataclasses import dataclass
from traite_sync.http import json_of
from traite_sync.mirror import Mirror
from traite_sync.representation import relative_path


LISTING_SIZE = 1000
METADATA = ("UID", "modified", "review_state")


@dataclass(frozen=True)
class Listed:
    """One item of the listing: enough to tell whether the mirror has it."""

    uid: str
    path: str
    portal_type: str
    modified: str | None
    review_state: str | None


def listing_page(mirror: Mirror, after: str | None) -> tuple[list[Listed], int]:
    """The next items after UID ``after`` (all when None), and how many in all."""
    params = {
        "sort_on": "UID",
        "b_size": LISTING_SIZE,
        "metadata_fields": list(METADATA),
    }
    if after:
        params.update({"UID.query": after, "UID.range": "min"})
    if mirror.types:
        params["portal_type"] = list(mirror.types)
    response = mirror.http.get(f"{mirror.scope_url}/@search", params=params)
    data = json_of(response, "la liste des éléments (@search)")
    listed = []
    for item in data.get("items", []):
        path = relative_path(mirror.site_url, item["@id"])
        # The site root is not in the feed ("not the site root"): not mirrored.
        if path and item["UID"] != after:
            listed.append(
                Listed(
                    item["UID"],
                    path,
                    item["@type"],
                    item.get("modified"),
                    item.get("review_state"),
                )
            )
    return listed, int(data.get("items_total", 0))


def full_objects(mirror: Mirror, uids: list[str]) -> list[dict]:
    """The representations of ``uids`` (those still there), in one request."""
    params = {"UID": uids, "fullobjects": 1, "b_size": len(uids)}
    response = mirror.http.get(f"{mirror.scope_url}/@search", params=params)
    data = json_of(response, "les éléments (@search?fullobjects)")
    return list(data.get("items", []))
