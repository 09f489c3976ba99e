"""What the portal's background threads (search indexing, webhooks) share."""


def database_closed(db) -> bool:
    """True once ``db`` is closed (the process is stopping): a thread that
    keeps opening connections on it would fail at every pass.

    ZODB has no public flag for it: ``DB.close()`` deletes the MVCC adapter
    that connections are opened on.
    """
    return not hasattr(db, "_mvcc_storage")
