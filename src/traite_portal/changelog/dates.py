"""Publication dates: an item appears or disappears without any transaction.

The catalog hides, from users without "Access inactive portal content", an
item before its effective date and after its expiration date. The feed
evaluates an entry's dates at the time of the entry, so a date reached later
must be recorded: each entry with a date still to come is scheduled
(``ChangeLog.due``), and ``release_due`` appends a ``schedule`` entry once
the date has passed. It runs with every write to the log and should be called
by any worker that ticks (the webhook and search workers).
"""

from itertools import islice
from traite_portal.changelog.records import Change
from traite_portal.changelog.records import SCHEDULE
from traite_portal.changelog.records import Visibility
from traite_portal.changelog.storage import ChangeLog

import time


# At most this many dates released by one transaction (writes stay cheap; the
# rest go with the next write or tick).
RELEASE_BATCH = 500


def schedule(log: ChangeLog, uid: str, visibility: Visibility | None, when: float):
    """Remember the publication dates of item ``uid`` still to come at ``when``."""
    if visibility is None:
        return
    for moment in (visibility.effective, visibility.expires):
        if moment is not None and moment > when:
            log.due.add((moment, uid))


def release_due(log: ChangeLog, now: float | None = None) -> int:
    """Append an entry for each scheduled date that has passed; how many."""
    now = time.time() if now is None else now
    if not log.due or log.due.minKey()[0] > now:
        return 0  # the common case costs one comparison
    released = 0
    reached = list(islice(log.due.keys(max=(now, "\uffff")), RELEASE_BATCH))
    for moment, uid in reached:
        log.due.remove((moment, uid))
        state = log.last_state(uid)
        if state is None or state.when >= moment:
            continue  # deleted since, or recorded again after that date
        if moment not in (state.visibility.effective, state.visibility.expires):
            continue  # its dates changed since
        log.append(
            Change(
                0,
                now,
                uid,
                SCHEDULE,
                state.path,
                None,
                state.portal_type,
                state.review_state,
                state.modified,
                state.visibility,
                state.visibility,
                state.when,
            )  # fmt: skip
        )
        released += 1
    return released
