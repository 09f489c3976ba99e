"""Pruning: the log keeps a window of recent entries (registry settings).

An entry goes when it is older than ``retention_days`` or beyond the newest
``retention_entries``, except that an entry a registered consumer has not
acknowledged yet stays until it is older than ``consumer_hard_limit_days``.
Pruning runs with every write to the log, a bounded batch at a time, so that
no single write pays for a long backlog; ``prune`` can also be called alone.
"""

from itertools import islice
from traite_portal.changelog.settings import retention_settings
from traite_portal.changelog.storage import ChangeLog

import time


DAY = 86400
# At most this many entries pruned by one write (the rest with later writes).
PRUNE_BATCH = 1000


def consumer_floor(log: ChangeLog) -> int:
    """The oldest position a registered consumer has not gone past."""
    cursors = [consumer.cursor for consumer in log.consumers.values()]
    return min(cursors, default=log.head)


def prune(
    log: ChangeLog, now: float | None = None, settings=None, batch: int | None = None
) -> int:
    """Drop the entries retention no longer keeps; returns how many went."""
    now = time.time() if now is None else now
    settings = settings or retention_settings()
    age_cutoff = now - settings.retention_days * DAY
    hard_cutoff = now - settings.consumer_hard_limit_days * DAY
    beyond_count = log.head - settings.retention_entries
    floor = consumer_floor(log)
    candidates = log.entries.items()
    if batch is not None:
        candidates = islice(candidates, batch)
    doomed = []
    for seq, record in candidates:
        when = record[0]
        if when >= age_cutoff and seq > beyond_count:
            break  # entries are in commit order: the rest are kept too
        if seq > floor and when >= hard_cutoff:
            break  # a consumer still needs it
        doomed.append(seq)
    for seq in doomed:
        del log.entries[seq]
    if doomed:
        log.pruned_upto = max(log.pruned_upto, doomed[-1])
    return len(doomed)


def prune_on_write(log: ChangeLog, now: float) -> int:
    """``prune`` in a bounded batch; cheap when the oldest entry is kept."""
    if not log.entries:
        return 0
    return prune(log, now, batch=PRUNE_BATCH)
