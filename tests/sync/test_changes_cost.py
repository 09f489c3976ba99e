"""A poll with nothing new costs the same on a small and on a large site.

Measured as the number of objects the real server loads from the ZODB to
answer it (a catalog search, or a scan of the log, would load index or log
buckets in proportion to their size), with every object cache emptied first.
"""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from sync_http import ANONYMOUS
from sync_http import head_cursor
from sync_http import session_for

import transaction


class LoadCounter:
    """A ZODB activity monitor: adds up the loads of each closed connection."""

    def __init__(self) -> None:
        self.loads = 0

    def closedConnection(self, connection) -> None:
        loads, _stores = connection.getTransferCounts(clear=True)
        self.loads += loads


def loads_of_empty_poll(portal, username: str, url: str) -> int:
    """Objects loaded by the server to answer a poll at the head of ``url``."""
    session = session_for(username)
    cursor = head_cursor(session, url)
    db = portal._p_jar.db()
    counter = LoadCounter()
    db.setActivityMonitor(counter)
    try:
        for _ in range(2):  # the first request resets the pool's counts
            counter.loads = 0
            db.cacheMinimize()
            response = session.get(f"{url}/@changes", params={"since": cursor})
            assert response.status_code == 200, response.text
            assert response.json()["items"] == []
    finally:
        db.setActivityMonitor(None)
    return counter.loads


def grow(portal, count: int) -> None:
    """``count`` more documents, in batches: entries and catalog grow.

    They go to a folder of their own: traversing a folder that holds them
    would cost a BTree level more, which is not the feed's doing.
    """
    with api.env.adopt_roles(["Manager"]):
        for start in range(0, count, 50):
            for number in range(start, start + 50):
                api.content.create(
                    portal["bulk"], "Document", id=f"d{number}", title=f"D {number}"
                )
            transaction.commit()


def test_empty_poll_cost_does_not_grow(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        for folder_id in ("lib", "bulk"):
            api.content.create(portal, "Folder", id=folder_id, title=folder_id)
    transaction.commit()
    readers = {
        (user, url)
        for user in (ANONYMOUS, SITE_OWNER_NAME)
        for url in (portal.absolute_url(), portal["lib"].absolute_url())
    }
    small = {key: loads_of_empty_poll(portal, *key) for key in readers}
    grow(portal, 400)
    large = {key: loads_of_empty_poll(portal, *key) for key in readers}
    assert large == small
    assert all(0 < loads < 100 for loads in small.values()), small
