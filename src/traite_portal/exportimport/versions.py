"""Versions (CMFEditions): every version of every item, data and metadata.

collective.exportimport rebuilds versions from plone.restapi's view of each
one, with new dates and a new first comment; here each version is read as
the history storage keeps it (the clone saved then, with its workflow history
and its metadata: comment, author, time, state) and saved again through the
repository with that same metadata, under the same history ids. The item
is then given back its current attributes.
"""

from Products.CMFCore.utils import getToolByName
from traite_portal.exportimport.errors import ExportFormatError
from traite_portal.exportimport.state import apply_state
from traite_portal.exportimport.state import loaded
from traite_portal.exportimport.state import object_state
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode


# A version's clone: everything but its parent pointer (the item's place).
VERSION_SEPARATE = frozenset(
    {"__parent__", "__provides__", "_tree", "_mt_index", "cmf_uid"}
)
# Computed again by the storage on every save (the size of the pickle).
RECOMPUTED_METADATA = ("approxSize",)


def export_versions(portal, items) -> dict:
    """History ids and every version of ``items`` (UID → item)."""
    ids = getToolByName(portal, "portal_historyidhandler")
    storage = getToolByName(portal, "portal_historiesstorage")
    generator = getToolByName(portal, "portal_uidgenerator")
    histories = {}
    for uid, obj in items:
        history_id = ids.queryUid(obj, None)
        if history_id is None:
            continue
        versions = []
        if storage.isRegistered(history_id):
            history = storage.getHistory(history_id, countPurged=False)
            for version_id in range(len(history)):
                versions.append(_version(storage, history_id, version_id))
        histories[uid] = {"history_id": history_id, "versions": versions}
    return {"counter": generator._uid_counter, "histories": histories}


def _version(storage, history_id: int, version_id: int) -> dict:
    data = storage.retrieve(history_id, version_id, countPurged=False, substitute=False)
    if not data.isValid():
        raise ExportFormatError(
            f"version {version_id} purgée de l'historique {history_id}"
        )
    metadata = dict(data.metadata)
    metadata["sys_metadata"] = {
        key: value
        for key, value in metadata["sys_metadata"].items()
        if key not in RECOMPUTED_METADATA
    }
    return {
        "state": object_state(data.object.object, separate=VERSION_SEPARATE),
        "metadata": encode(metadata),
        "referenced_data": encode(dict(data.referenced_data)),
    }


def import_versions(portal, data: dict, find) -> int:
    """Save every version again; ``find(uid)`` gives the new item. How many."""
    ids = getToolByName(portal, "portal_historyidhandler")
    repository = getToolByName(portal, "portal_repository")
    count = 0
    for uid, history in data["histories"].items():
        obj = find(uid)
        ids.setUid(obj, history["history_id"], check_uniqueness=False)
        if not history["versions"]:
            continue
        current = dict(vars(loaded(obj)))
        for version in history["versions"]:
            apply_state(obj, version["state"], separate=VERSION_SEPARATE)
            metadata = decode(version["metadata"])
            repository._recursiveSave(
                obj,
                metadata["app_metadata"],
                metadata["sys_metadata"],
                autoapply=True,
            )
            count += 1
        _restore(obj, current)
    getToolByName(portal, "portal_uidgenerator")._uid_counter = data["counter"]
    return count


def _restore(obj, attributes: dict) -> None:
    """Give the item back the attributes it had before its versions were saved."""
    base = loaded(obj)
    for name in set(vars(base)) - set(attributes):
        delattr(base, name)
    for name, value in attributes.items():
        setattr(base, name, value)
