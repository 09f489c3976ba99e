"""Two writers on two real ZODB connections in two threads: no skipped change.

Writer A takes the next sequence number, then is held just before its commit
(a before-commit hook that runs after the log's). Writer B, on another
connection, takes the same number and commits first; a reader then reads up
to it. If A could now commit with its number, the reader's cursor would be
past A's entry for ever. The log's counter makes A's commit conflict
instead: A is retried, gets the next number, and the reader finds it.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from Testing.makerequest import makerequest
from traite_portal.changelog.storage import get_changelog
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest

import contextlib
import threading
import transaction


@contextlib.contextmanager
def site_on_own_connection(db, site_id: str):
    """The site through a new connection, in this thread, as its owner."""
    connection = db.open()
    try:
        app = makerequest(connection.root()["Application"])
        setRequest(app.REQUEST)
        portal = app[site_id]
        setSite(portal)
        newSecurityManager(
            None, app.acl_users.getUser(SITE_OWNER_NAME).__of__(app.acl_users)
        )
        yield portal
    finally:
        transaction.abort()
        noSecurityManager()
        setSite(None)
        clearRequest()
        connection.close()


def entry_paths(log, after: int) -> list[tuple[int, str]]:
    return [(c.seq, c.path) for c in log.changes(after)]


def test_a_later_number_never_commits_first(functional):
    portal = functional["portal"]
    db = portal._p_jar.db()
    transaction.commit()
    start = get_changelog(portal).head
    a_numbered, b_committed = threading.Event(), threading.Event()
    attempts_of_a, errors = [], []

    def writer_a():
        try:
            with site_on_own_connection(db, portal.getId()) as site:
                for attempt in transaction.manager.attempts(3):
                    with attempt:
                        attempts_of_a.append(get_changelog(site).head)
                        api.content.create(site, "Document", id="a", title="A")
                        if len(attempts_of_a) == 1:
                            transaction.get().addBeforeCommitHook(hold_a)
        except Exception as error:  # reported by the main thread
            errors.append(error)

    def hold_a():
        # The log's hook ran before this one: A holds number start + 1.
        a_numbered.set()
        assert b_committed.wait(30)

    def writer_b():
        try:
            assert a_numbered.wait(30)
            with site_on_own_connection(db, portal.getId()) as site:
                api.content.create(site, "Document", id="b", title="B")
                transaction.commit()
        except Exception as error:
            errors.append(error)
        finally:
            b_committed.set()

    threads = [threading.Thread(target=writer_a), threading.Thread(target=writer_b)]
    for thread in threads:
        thread.start()

    # The reader: once B committed, it reads up to the head it sees.
    assert b_committed.wait(60)
    with site_on_own_connection(db, portal.getId()) as site:
        seen = entry_paths(get_changelog(site), start)
        cursor = seen[-1][0]
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert seen == [(start + 1, "/b")]
    # A conflicted on the counter and was retried after B's commit ...
    assert attempts_of_a == [start, start + 1]
    # ... so what A committed comes after the reader's cursor: not skipped.
    transaction.begin()
    assert entry_paths(get_changelog(portal), cursor) == [(start + 2, "/a")]
