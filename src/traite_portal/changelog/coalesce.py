"""Turn a transaction's changed items into log entries: one per item.

A create followed by edits is a creation; a create then a delete is nothing;
a move back to where the item was is no move; a reindex that changed nothing
the log records (path, state, visibility, publication dates) is nothing, and
one that did is recorded as what changed. The "before" visibility of an
entry is the "after" of the item's previous entry (``ChangeLog.last``), so a
client that lost or gained sight of an item can be told.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from traite_portal.changelog.capture import PendingItem
from traite_portal.changelog.dates import release_due
from traite_portal.changelog.dates import schedule
from traite_portal.changelog.records import Change
from traite_portal.changelog.records import CREATED
from traite_portal.changelog.records import DELETED
from traite_portal.changelog.records import MODIFIED
from traite_portal.changelog.records import MOVED
from traite_portal.changelog.records import SECURITY
from traite_portal.changelog.records import TRANSITION
from traite_portal.changelog.retention import prune_on_write
from traite_portal.changelog.snapshot import item_state
from traite_portal.changelog.snapshot import ItemState
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.storage import get_changelog
from traite_portal.changelog.storage import LastState

import time


def write_pending(pending: dict) -> None:
    """Append the entries of the transaction's items to their sites' logs."""
    sites: dict[int, tuple] = {}
    for item in pending.values():
        sites.setdefault(id(aq_base(item.portal)), (item.portal, []))[1].append(item)
    for portal, items in sites.values():
        log = get_changelog(portal)
        if log is None:
            continue  # a site not upgraded yet: nothing to record into
        now = time.time()
        release_due(log, now)
        changes = [change_for(log, item, now) for item in items]
        # Parents before their children, whatever order the events came in.
        for change in sorted(filter(None, changes), key=lambda c: c.path):
            log.append(change)
            schedule(log, change.uid, change.after, change.when)
        prune_on_write(log, now)


def still_there(obj) -> bool:
    """False when a rolled-back savepoint undid the item's addition."""
    parent = aq_parent(aq_inner(obj))
    if parent is None:
        return False
    found = parent._getOb(obj.getId(), None)
    return found is not None and aq_base(found) is aq_base(obj)


def change_for(log: ChangeLog, item: PendingItem, now: float) -> Change | None:
    """The one entry that sums up what happened to ``item``, or None."""
    if item.exists and not still_there(item.obj):
        return None
    uid = item.uid or item.obj.UID()
    previous = log.last_state(uid)
    existed = previous is not None or not item.added_first
    if not item.exists:
        return _deletion(uid, item, previous, now) if existed else None
    state = item_state(item.obj, item.portal)
    if not existed:
        return Change(
            0, now, uid, CREATED, state.path, None, state.portal_type,
            state.review_state, state.modified, state.visibility, None, None,
        )  # fmt: skip
    kinds = item.kinds & (MODIFIED | TRANSITION | SECURITY)
    if item.reindexed and not item.explained:
        kinds |= MODIFIED  # reindexed by code that sent no event
    path_before = previous.path if previous is not None else item.path_before
    if path_before is not None and path_before != state.path:
        kinds |= MOVED
    if previous is None:
        kinds = kinds or SECURITY  # unknown before: record what it is now
    else:
        kinds |= differences(previous, state)
    if not kinds:
        return None
    return Change(
        0, now, uid, kinds, state.path,
        path_before if kinds & MOVED else None,
        state.portal_type, state.review_state, state.modified, state.visibility,
        previous.visibility if previous is not None else None,
        previous.when if previous is not None else None,
    )  # fmt: skip


def differences(previous: LastState, state: ItemState) -> int:
    """The kinds of change between the last entry and the item now.

    Not the modification date: Dexterity bumps a container's when a child
    is added or removed, and the child has its own entry.
    """
    kinds = 0
    if previous.visibility.tokens != state.visibility.tokens:
        kinds |= SECURITY
    if previous.review_state != state.review_state:
        kinds |= TRANSITION
    if previous.visibility[1:] != state.visibility[1:]:
        kinds |= MODIFIED  # publication dates
    return kinds


def _deletion(uid: str, item: PendingItem, previous, now: float) -> Change:
    """A tombstone: the last path and visibility clients were told about."""
    state = item.removed
    if previous is not None:
        path, before, before_when = previous.path, previous.visibility, previous.when
    else:
        path, before, before_when = (
            item.path_before or state.path,
            state.visibility,
            now,
        )
    return Change(
        0, now, uid, DELETED, path, None, state.portal_type, state.review_state,
        state.modified, None, before, before_when,
    )  # fmt: skip
