"""Opaque cursors: a position in one site's log, as clients hold it.

A cursor names the log it comes from (``ChangeLog.log_id``) and a sequence
number. Clients must not parse it. A cursor of another log, of a log
restored from an older backup, or older than what retention kept, is gone:
the client must resync from scratch.
"""

from traite_portal.changelog.storage import ChangeLog

import re


CURSOR = re.compile(r"^(?P<log>[0-9a-f]{12})-(?P<seq>[0-9]{1,18})$")


class CursorError(ValueError):
    """A cursor the log cannot serve."""


class BadCursor(CursorError):
    """Not a cursor at all (HTTP 400)."""


class CursorGone(CursorError):
    """A cursor this log no longer serves: resync from scratch (HTTP 410)."""


def encode_cursor(log: ChangeLog, seq: int) -> str:
    """The opaque cursor of position ``seq`` (after entry ``seq``)."""
    return f"{log.log_id}-{seq}"


def check_position(log: ChangeLog, seq: int) -> int:
    """``seq`` if the log can serve the changes after it, else ``CursorGone``."""
    if seq < log.pruned_upto or seq > log.head:
        raise CursorGone(seq)
    return seq


def decode_cursor(log: ChangeLog, cursor: str) -> int:
    """The sequence number of a cursor of this log (see the exceptions)."""
    match = CURSOR.match(cursor or "")
    if match is None:
        raise BadCursor(cursor)
    if match["log"] != log.log_id:
        raise CursorGone(cursor)
    return check_position(log, int(match["seq"]))
