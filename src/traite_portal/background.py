"""What the portal's background threads (search indexing, webhooks) share."""

from collections.abc import Callable

import threading


def database_closed(db) -> bool:
    """True once ``db`` is closed (the process is stopping): a thread that
    keeps opening connections on it would fail at every pass.

    ZODB has no public flag for it: ``DB.close()`` deletes the MVCC adapter
    that connections are opened on. In tests, ``Zope2.DB`` is plone.testing's
    stand-in, which raises ``KeyError`` once its layer is torn down: gone too.
    """
    try:
        return not hasattr(db, "_mvcc_storage")
    except LookupError:
        return True


def run_passes(
    db,
    stopping: threading.Event,
    one_pass: Callable[[], object],
    pause: Callable[[], float],
    failed: Callable[[], None],
) -> None:
    """``one_pass()`` then a ``pause()`` wait, until ``stopping`` is set or
    ``db`` closes. A pass that raises calls ``failed()`` (inside the
    ``except``: it may log the exception) and the loop goes on: a thread that
    ended on an error would stop its work silently until a restart. An error
    because ``db`` closed during the pass ends the loop quietly."""
    while not stopping.is_set() and not database_closed(db):
        try:
            one_pass()
        except Exception:
            if database_closed(db):
                return  # closed during the pass: the process is stopping
            failed()
        stopping.wait(pause())
