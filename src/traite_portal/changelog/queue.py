"""The catalog's indexing queue, seen by the change log.

CMFCore hands every queued index operation to each ``IIndexQueueProcessor``
utility (that is how external search engines plug in): the log sees the
reindexes that no event announces.
"""

from Products.CMFCore.interfaces import IIndexQueueProcessor
from traite_portal.changelog.capture import record
from traite_portal.changelog.capture import tracked
from zope.interface import implementer


# Reindexing only these says nothing a client could see: plone.folder
# reindexes every sibling's position when one item is moved in a folder,
# CMFEditions gives a container a history id when a child is versioned.
UNSEEN_INDEXES = frozenset({"getObjPositionInParent", "cmf_uid"})


@implementer(IIndexQueueProcessor)
class ChangeLogQueueProcessor:
    """The catalog queue, seen by the log: reindexes that no event announces.

    A reindex of some indexes (``reindexObjectSecurity``: local roles set in
    code, the associations' authors, a blocked inheritance, a transition on a
    folder; ``updateRoleMappings``; an upgrade step) marks the item for a
    check: it gets an entry if what the log records of it changed (who may
    see it, its state, its publication dates). A full reindex that no
    event explains is code editing the item: a modification.
    """

    def index(self, obj, attributes=None) -> None:
        self.reindex(obj, attributes)

    def reindex(self, obj, attributes=None, update_metadata=1) -> None:
        if not tracked(obj):
            return
        names = frozenset(attributes or ())
        if names and names <= UNSEEN_INDEXES:
            return
        if names:
            record(obj, 0)  # a check (coalesce.change_for)
        else:
            # A modification unless an event explains the reindex (see
            # coalesce.change_for): events and queue run in either order.
            record(obj, 0, event=False)

    def unindex(self, obj) -> None:
        """Removals come from the removed event (the item is known there)."""

    def begin(self) -> None:
        """Nothing to prepare."""

    def commit(self) -> None:
        """Entries are written by the before-commit hook."""

    def abort(self) -> None:
        """The transaction's collection is dropped with the transaction."""
