"""The change log (docs/sync.md): its identity, head, entries and consumers.

Restored as it was, so the cursors clients hold stay valid: the log keeps
its id and numbering, and the import itself adds no entry (the items it
creates were already in the log of the exported site). After a restore of an
older backup, ``resync_clients`` gives the log a new id instead: every client
cursor is then refused (410) and each client syncs again from scratch, and
the consumers start again from the head.
"""

from persistent import Persistent
from Products.CMFCore.indexing import processQueue
from traite_portal.changelog.capture import pending_changes
from traite_portal.changelog.consumers import Consumer
from traite_portal.changelog.storage import ANNOTATION_KEY
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.storage import get_changelog
from traite_portal.exportimport.typed import decode
from traite_portal.exportimport.typed import encode
from zope.annotation.interfaces import IAnnotations

import secrets


SCALARS = ("log_id", "created", "head", "pruned_upto")
TREES = ("entries", "last")


def export_changelog(portal) -> dict | None:
    """The log as data, or None on a site without one."""
    log = get_changelog(portal)
    if log is None:
        return None
    data = {name: getattr(log, name) for name in SCALARS}
    for name in TREES:
        data[name] = [[key, encode(value)] for key, value in getattr(log, name).items()]
    data["due"] = [encode(item) for item in log.due]
    data["consumers"] = [
        {key: value for key, value in vars(consumer).items() if not key.startswith("_")}
        for consumer in _loaded(log.consumers.values())
    ]
    return data


def _loaded(objects):
    for obj in objects:
        if isinstance(obj, Persistent):
            obj._p_activate()
        yield obj


def rebuild_changelog(data: dict, resync_clients: bool = False) -> ChangeLog:
    """A new log object holding ``data``."""
    log = ChangeLog()
    for name in SCALARS:
        setattr(log, name, data[name])
    for name in TREES:
        tree = getattr(log, name)
        for key, value in data[name]:
            tree[key] = decode(value)
    for item in data["due"]:
        log.due.add(decode(item))
    for fields in data["consumers"]:
        consumer = Consumer(fields["name"], fields["cursor"])
        vars(consumer).update(fields)
        log.consumers[consumer.name] = consumer
    if resync_clients:
        log.log_id = secrets.token_hex(6)
        for consumer in log.consumers.values():
            consumer.cursor = log.head
    return log


def restore_changelog(portal, data: dict | None, resync_clients=False) -> int:
    """Put the exported log in place of the new site's, without the import's entries.

    Returns the number of entries restored. Run last: the log collects the
    transaction's changes and writes them when it commits; the import's own
    creations (already in the exported log) are dropped from that collection
    here.
    """
    processQueue()  # the catalog queue's reindexes join the collection now
    pending_changes().clear()
    if data is None:
        IAnnotations(portal).pop(ANNOTATION_KEY, None)
        return 0
    IAnnotations(portal)[ANNOTATION_KEY] = rebuild_changelog(data, resync_clients)
    return len(data["entries"])
