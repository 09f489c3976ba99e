"""Collect the changes of the current transaction; write them just before commit.

Object events (added, modified, moved or renamed, removed, workflow
transition, local roles modified) and the catalog's indexing queue (the path
that ``reindexObjectSecurity`` and ``updateRoleMappings`` take, see
``queue``) mark items as changed in a per-transaction collection. A
before-commit hook turns it into log entries (``coalesce.write_pending``),
so the entries are committed with the change itself, nothing is written for
a transaction that aborts, and an item changed many times in one transaction
gets one entry.
"""

from Acquisition import aq_base
from dataclasses import dataclass
from plone.base.interfaces import IPloneSiteRoot
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import getToolByName
from traite_portal.changelog.records import CREATED
from traite_portal.changelog.records import DELETED
from traite_portal.changelog.records import MODIFIED
from traite_portal.changelog.records import MOVED
from traite_portal.changelog.records import SECURITY
from traite_portal.changelog.records import TRANSITION
from traite_portal.changelog.snapshot import item_state
from traite_portal.changelog.snapshot import ItemState
from traite_portal.changelog.snapshot import relative_path
from traite_portal.changelog.snapshot import site_of
from zope.container.interfaces import IContainerModifiedEvent

import transaction


_PENDING = object()  # key of the transaction's collection (Transaction.data)


@dataclass(slots=True, eq=False)
class PendingItem:
    """One item changed in the current transaction."""

    obj: object  # the latest acquisition wrapper seen
    portal: object
    kinds: int
    added_first: bool  # its first event in the transaction created it
    path_before: str | None  # its path when the transaction started, if known
    exists: bool = True
    removed: ItemState | None = None  # read when it was removed
    uid: str | None = None
    explained: bool = False  # an event said what happened to it
    reindexed: bool = False  # the catalog queue reindexed it


class Pending(dict):
    """The transaction's changed items, by object identity, in first-seen order."""


def pending_changes() -> Pending:
    """The current transaction's collection; the first call registers the hook."""
    txn = transaction.get()
    try:
        pending = txn.data(_PENDING)
    except KeyError:
        pending = None
    if pending is None:
        pending = Pending()
        txn.set_data(_PENDING, pending)
        txn.addBeforeCommitHook(_before_commit, (txn, pending))
    return pending


def _before_commit(txn, pending: Pending) -> None:
    from traite_portal.changelog.coalesce import write_pending

    # Run the catalog queue now: its security reindexes are changes too.
    processQueue()
    # Changes made by later hooks start a new collection (and hook).
    txn.set_data(_PENDING, None)
    write_pending(pending)


def tracked(obj) -> bool:
    """Content items in a site: not the site root (nor comments, tools, forms)."""
    return (
        IDexterityContent.providedBy(obj)
        and not IPloneSiteRoot.providedBy(obj)
        and getToolByName(obj, "portal_url", None) is not None
    )


def record(
    obj, kind: int, path_before: str | None = None, event: bool = True
) -> PendingItem:
    """Mark ``obj`` as changed by ``kind`` in the current transaction.

    ``kind`` 0 marks it for a check (did who may see it change?); ``event``
    false means the catalog queue, not an event, reported it.
    """
    pending = pending_changes()
    key = id(aq_base(obj))
    item = pending.get(key)
    if item is None:
        portal = site_of(obj)
        if path_before is None and kind != CREATED:
            path_before = relative_path(obj, portal)
        item = pending[key] = PendingItem(
            obj, portal, 0, added_first=kind == CREATED, path_before=path_before
        )
    # Holding the wrapper keeps the object alive, so its id() stays unique.
    item.obj = obj
    item.kinds |= kind
    if event:
        item.explained = True
    else:
        item.reindexed = True
    if kind & (CREATED | MOVED):
        item.exists = True
    return item


def _old_path(obj, event) -> str:
    """Where ``obj`` was before the move (the event is its top ancestor's)."""
    portal = site_of(obj)
    moved_now = relative_path(event.object, portal)
    moved_before = relative_path(event.oldParent, portal).rstrip("/")
    moved_before = f"{moved_before}/{event.oldName}"
    return moved_before + relative_path(obj, portal)[len(moved_now) :]


def on_moved(obj, event) -> None:
    """Added (also pasted), removed, moved or renamed (children included)."""
    if not tracked(obj):
        return
    if event.oldParent is None:
        record(obj, CREATED)
    elif event.newParent is None:
        item = record(obj, DELETED)
        item.exists = False
        item.uid = obj.UID()
        item.removed = item_state(obj, item.portal)
    else:
        record(obj, MOVED, path_before=_old_path(obj, event))


def on_modified(obj, event) -> None:
    """Edited, or its local roles changed (the sharing page, REST @sharing)."""
    from plone.app.workflow.interfaces import ILocalrolesModifiedEvent

    if not tracked(obj):
        return
    if IContainerModifiedEvent.providedBy(event):
        # A child added, removed or reordered: the child has its own entry.
        # Dexterity then reindexes the container; marking it (with no kind)
        # tells the queue processor that this reindex is explained.
        record(obj, 0)
    elif ILocalrolesModifiedEvent.providedBy(event):
        record(obj, SECURITY)
    else:
        record(obj, MODIFIED)


def on_transition(obj, event) -> None:
    """A workflow transition (not the initial state set at creation)."""
    if tracked(obj) and event.transition is not None:
        record(obj, TRANSITION)
