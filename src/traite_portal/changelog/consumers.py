"""Named consumers of the log: durable cursors for workers (search, webhooks).

A consumer reads the raw entries (unfiltered: it decides what its readers may
see, see ``visibility``) after its cursor, processes them, then acknowledges
the last one it finished. Its cursor is stored in the ZODB, so a worker that
dies resumes where it acknowledged; pruning keeps what a consumer has not
acknowledged, up to ``consumer_hard_limit_days``.
"""

from persistent import Persistent
from traite_portal.changelog.cursors import check_position
from traite_portal.changelog.cursors import CursorGone
from traite_portal.changelog.records import Change
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.storage import get_changelog

import time


class ChangeLogMissing(LookupError):
    """The site has no change log (upgrade step 1008 not run)."""


class UnknownConsumer(KeyError):
    """No consumer of that name is registered."""


class Consumer(Persistent):
    """One consumer's position; its own record, so acks never touch the log."""

    def __init__(self, name: str, cursor: int) -> None:
        self.name = name
        self.cursor = cursor
        self.registered = time.time()
        self.acked = None  # time of the last acknowledgement


def log_of(portal) -> ChangeLog:
    """The site's log, or ``ChangeLogMissing``."""
    log = get_changelog(portal)
    if log is None:
        raise ChangeLogMissing("upgrade step 1008 has not run on this site")
    return log


def _consumer(log: ChangeLog, name: str) -> Consumer:
    try:
        return log.consumers[name]
    except KeyError:
        raise UnknownConsumer(name) from None


def register_consumer(portal, name: str, from_start: bool = False) -> int:
    """Register ``name`` (idempotent); returns its cursor.

    A new consumer starts at the head (after a full reindex or sync) or,
    with ``from_start``, before the oldest entry kept.
    """
    log = log_of(portal)
    if name not in log.consumers:
        start = log.pruned_upto if from_start else log.head
        log.consumers[name] = Consumer(name, start)
        # Write the log too: a prune committing at the same time conflicts
        # with this registration instead of dropping what it now protects.
        log._p_changed = True
    return log.consumers[name].cursor


def unregister_consumer(portal, name: str) -> None:
    """Forget ``name``: pruning no longer waits for it."""
    log = log_of(portal)
    _consumer(log, name)
    del log.consumers[name]


def consumer_cursor(portal, name: str) -> int:
    """The position ``name`` has acknowledged (a sequence number)."""
    return _consumer(log_of(portal), name).cursor


def pending(portal, name: str, limit: int = 100) -> list[Change]:
    """Up to ``limit`` entries after the consumer's cursor, oldest first.

    ``CursorGone`` when pruning passed it (hard limit): resync, then
    ``reset_consumer``.
    """
    log = log_of(portal)
    cursor = _consumer(log, name).cursor
    if cursor < log.pruned_upto:
        raise CursorGone(cursor)
    changes = []
    for change in log.changes(cursor):
        changes.append(change)
        if len(changes) >= limit:
            break
    return changes


def ack(portal, name: str, cursor: int) -> None:
    """Record that ``name`` processed every entry up to ``cursor`` (a seq)."""
    log = log_of(portal)
    consumer = _consumer(log, name)
    if cursor > log.head:
        raise ValueError(f"cursor {cursor} is past the head {log.head}")
    if cursor > consumer.cursor:
        consumer.cursor = cursor
        consumer.acked = time.time()


def reset_consumer(portal, name: str, cursor: int | None = None) -> int:
    """Move ``name`` to ``cursor`` (default: the head), after a resync."""
    log = log_of(portal)
    consumer = _consumer(log, name)
    consumer.cursor = log.head if cursor is None else check_position(log, cursor)
    return consumer.cursor
