"""What one entry of the change log holds, and the kinds of change.

Entries are stored as plain tuples of strings, numbers and tuples (no class
reference in the database: the layout can evolve without breaking old data);
``Change`` is the named view that code reads.
"""

from typing import NamedTuple


# Kinds of change, as bits: one entry per item and transaction carries all
# the kinds that happened to the item in that transaction.
CREATED = 1
MODIFIED = 2
TRANSITION = 4
MOVED = 8
SECURITY = 16
DELETED = 32
# A publication date (effective, expires) was reached: no transaction changed
# the item, but who sees it in listings changed (see retention.release_due).
SCHEDULE = 64

KIND_NAMES = {
    CREATED: "created",
    MODIFIED: "modified",
    TRANSITION: "transition",
    MOVED: "moved",
    SECURITY: "security",
    DELETED: "deleted",
    SCHEDULE: "schedule",
}


class Visibility(NamedTuple):
    """Who may list an item: ``allowedRolesAndUsers`` and publication dates.

    Dates are POSIX timestamps, None when open (no effective date, never
    expires), like the catalog's ``effectiveRange`` reads them.
    """

    tokens: tuple[str, ...]
    effective: float | None
    expires: float | None


class Change(NamedTuple):
    """One entry: what happened to one item in one committed transaction."""

    seq: int
    when: float  # POSIX time at which the transaction recorded it
    uid: str
    kinds: int  # bits above
    path: str  # site-relative, "/plan-action-2010/chapitre-1"; last path if deleted
    old_path: str | None  # the path before the transaction, when it moved
    portal_type: str
    review_state: str | None
    modified: float | None
    after: Visibility | None  # None once deleted
    before: Visibility | None  # after the item's previous entry; None if new/unknown
    before_when: float | None  # when ``before`` was recorded

    def has(self, kind: int) -> bool:
        """True when the entry carries ``kind`` (one of the bits above)."""
        return bool(self.kinds & kind)

    def kind_names(self) -> list[str]:
        """The names of the kinds the entry carries, in bit order."""
        return [name for bit, name in KIND_NAMES.items() if self.kinds & bit]


def to_record(change: Change) -> tuple:
    """The stored form of ``change`` (without its sequence number, the key)."""
    return (
        change.when,
        change.uid,
        change.kinds,
        change.path,
        change.old_path,
        change.portal_type,
        change.review_state,
        change.modified,
        tuple(change.after) if change.after is not None else None,
        tuple(change.before) if change.before is not None else None,
        change.before_when,
    )


def from_record(seq: int, record: tuple) -> Change:
    """The ``Change`` stored under ``seq``."""
    after, before = record[8], record[9]
    return Change(
        seq,
        *record[:8],
        Visibility(*after) if after is not None else None,
        Visibility(*before) if before is not None else None,
        record[10],
    )
