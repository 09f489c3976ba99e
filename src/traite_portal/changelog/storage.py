"""The persistent change log of a site: a sequence counter and its entries.

Ordering is commit order. The counter (``ChangeLog.head``) is an attribute of
a plain persistent object that has no conflict resolution: two transactions
that append at the same time both write it, ZODB refuses the second commit
with a ``ConflictError`` and Zope retries that request, which then takes the
next number. A number is therefore never handed to a transaction that could
commit after a later number: a reader that has seen ``head`` has seen every
entry up to it, and paging a cursor never skips a change committed meanwhile.
"""

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collections.abc import Iterator
from persistent import Persistent
from traite_portal.changelog.records import Change
from traite_portal.changelog.records import from_record
from traite_portal.changelog.records import to_record
from traite_portal.changelog.records import Visibility
from typing import NamedTuple
from zope.annotation.interfaces import IAnnotations

import secrets
import time


ANNOTATION_KEY = "traite_portal.changelog"


class LastState(NamedTuple):
    """A live item as the log last recorded it."""

    path: str
    visibility: Visibility
    when: float
    portal_type: str
    review_state: str | None
    modified: float | None


class ChangeLog(Persistent):
    """One site's log. Deliberately no ``_p_resolveConflict`` (see module doc).

    Everything big lives in its own BTree, so loading this object to read
    ``head`` costs one small record whatever the size of the site or log.
    """

    def __init__(self) -> None:
        # Tells cursors of this log from those of another site or of a log
        # re-created from scratch: those must resync.
        self.log_id = secrets.token_hex(6)
        self.created = time.time()
        self.head = 0  # the last sequence number handed out
        self.pruned_upto = 0  # every entry up to this number was pruned
        self.entries = LOBTree()  # seq -> stored record (records.to_record)
        # uid -> LastState as a plain tuple: the item after its last entry,
        # i.e. what a client was told, and the "before" of its next entry.
        # Live items only.
        self.last = OOBTree()
        self.due = OOTreeSet()  # (timestamp, uid): publication dates to come
        self.consumers = OOBTree()  # name -> consumers.Consumer

    def append(self, change: Change) -> int:
        """Store ``change`` under the next sequence number and return it."""
        self.head += 1
        seq = self.head
        self.entries[seq] = to_record(change)
        if change.after is None:
            self.last.pop(change.uid, None)
        else:
            self.remember(
                change.uid,
                LastState(
                    change.path, change.after, change.when, change.portal_type,
                    change.review_state, change.modified,
                ),
            )  # fmt: skip
        return seq

    def remember(self, uid: str, state: LastState) -> None:
        """Keep ``state`` as what clients were last told about item ``uid``."""
        self.last[uid] = (state[0], tuple(state.visibility), *state[2:])

    def last_state(self, uid: str) -> LastState | None:
        """The item as its last entry left it, if it is live."""
        state = self.last.get(uid)
        if state is None:
            return None
        return LastState(state[0], Visibility(*state[1]), *state[2:])

    def changes(self, after: int, until: int | None = None) -> Iterator[Change]:
        """The entries numbered after ``after`` up to ``until``, oldest first."""
        until = self.head if until is None else until
        if after >= until:
            return
        for seq, record in self.entries.items(after + 1, until):
            yield from_record(seq, record)

    def oldest(self) -> int | None:
        """The sequence number of the oldest entry still kept."""
        return self.entries.minKey() if self.entries else None

    def __len__(self) -> int:
        return len(self.entries)


def get_changelog(portal) -> ChangeLog | None:
    """The site's log, or None on a site that does not have one yet."""
    return IAnnotations(portal).get(ANNOTATION_KEY)


def install_changelog(portal) -> ChangeLog:
    """Create the site's log unless it exists; return it."""
    annotations = IAnnotations(portal)
    log = annotations.get(ANNOTATION_KEY)
    if log is None:
        log = annotations[ANNOTATION_KEY] = ChangeLog()
    return log
