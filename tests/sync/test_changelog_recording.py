"""The log records each change with its transaction: one entry per item."""

from DateTime import DateTime
from plone import api
from sync_helpers import changes_since
from sync_helpers import log_of
from traite_portal.changelog.records import CREATED
from traite_portal.changelog.records import DELETED
from traite_portal.changelog.records import MODIFIED
from traite_portal.changelog.records import MOVED
from traite_portal.changelog.records import SECURITY
from traite_portal.changelog.records import TRANSITION
from zope.lifecycleevent import modified

import pytest
import transaction


@pytest.fixture
def portal(functional):
    portal = functional["portal"]
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setChainForPortalTypes(
        ("Document", "Folder"), "simple_publication_workflow"
    )
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="f", title="F")
        for item_id in ("a", "b"):
            api.content.create(folder, "Document", id=item_id, title=item_id)
    transaction.commit()
    with api.env.adopt_roles(["Manager"]):
        yield portal


def entries_of(portal, head: int) -> list[tuple]:
    return [(c.kinds, c.path, c.old_path) for c in changes_since(portal, head)]


class TestOneEntryPerItemAndTransaction:
    def test_create_then_edit_is_a_creation(self, portal):
        head = log_of(portal).head
        doc = api.content.create(portal, "Document", id="d", title="D")
        doc.title = "D2"
        api.content.transition(obj=doc, transition="publish")
        transaction.commit()
        (change,) = changes_since(portal, head)
        assert (change.kinds, change.path, change.review_state) == (
            CREATED,
            "/d",
            "published",
        )
        assert change.after.tokens == ("Anonymous",)
        assert change.before is None

    def test_create_then_delete_is_nothing(self, portal):
        head = log_of(portal).head
        doc = api.content.create(portal, "Document", id="d", title="D")
        api.content.delete(doc)
        transaction.commit()
        assert log_of(portal).head == head

    def test_aborted_transaction_records_nothing(self, portal):
        head = log_of(portal).head
        api.content.create(portal, "Document", id="d", title="D")
        api.content.delete(portal["f"]["a"])
        transaction.abort()
        transaction.commit()
        assert log_of(portal).head == head
        assert "d" not in portal

    def test_rolled_back_savepoint_records_nothing(self, portal):
        head = log_of(portal).head
        savepoint = transaction.savepoint()
        api.content.create(portal, "Document", id="d", title="D")
        savepoint.rollback()
        transaction.commit()
        assert log_of(portal).head == head

    def test_edits_coalesce(self, portal):
        head = log_of(portal).head
        doc = portal["f"]["a"]
        for title in ("un", "deux", "trois"):
            doc.title = title
            modified(doc)
        transaction.commit()
        assert entries_of(portal, head) == [(MODIFIED, "/f/a", None)]

    def test_committed_entries_are_in_the_storage(self, portal):
        """Another connection (another process) reads them once committed."""
        head = log_of(portal).head
        api.content.create(portal, "Document", id="d", title="D")
        transaction.commit()
        connection = portal._p_jar.db().open()
        try:
            root = connection.root()["Application"]
            other = log_of(root[portal.getId()])
            assert [c.path for c in other.changes(head)] == ["/d"]
        finally:
            connection.close()


class TestMovesAndDeletions:
    def test_renamed_folder_moves_its_children(self, portal):
        head = log_of(portal).head
        api.content.rename(obj=portal["f"], new_id="g")
        transaction.commit()
        assert entries_of(portal, head) == [
            (MOVED, "/g", "/f"),
            (MOVED, "/g/a", "/f/a"),
            (MOVED, "/g/b", "/f/b"),
        ]

    def test_moved_then_back_is_no_move(self, portal):
        head = log_of(portal).head
        api.content.rename(obj=portal["f"]["a"], new_id="z")
        api.content.rename(obj=portal["f"]["z"], new_id="a")
        transaction.commit()
        assert entries_of(portal, head) == []

    def test_deleted_folder_leaves_tombstones(self, portal):
        head = log_of(portal).head
        uids = {portal["f"][i].UID() for i in ("a", "b")} | {portal["f"].UID()}
        api.content.delete(portal["f"])
        transaction.commit()
        changes = changes_since(portal, head)
        assert {c.uid for c in changes} == uids
        assert {(c.kinds, c.path) for c in changes} == {
            (DELETED, "/f"),
            (DELETED, "/f/a"),
            (DELETED, "/f/b"),
        }
        assert all(c.after is None and c.before is not None for c in changes)
        assert not {c.uid for c in changes} & set(log_of(portal).last.keys())

    def test_moved_then_deleted_tombstone_has_the_known_path(self, portal):
        head = log_of(portal).head
        api.content.rename(obj=portal["f"]["a"], new_id="z")
        api.content.delete(portal["f"]["z"])
        transaction.commit()
        assert entries_of(portal, head) == [(DELETED, "/f/a", None)]


class TestSecurity:
    def test_local_role_through_reindex_object_security(self, portal):
        """A local role set in code, then reindexed (no event): the queue path."""
        api.user.create(email="x@example.org", username="xavier", password="x" * 12)
        doc = portal["f"]["a"]
        transaction.commit()
        head = log_of(portal).head
        api.user.grant_roles(username="xavier", obj=doc, roles=["Reader"])
        doc.reindexObjectSecurity()
        transaction.commit()
        (change,) = changes_since(portal, head)
        assert change.kinds == SECURITY
        assert "user:xavier" in change.after.tokens
        assert "user:xavier" not in change.before.tokens

    def test_state_set_by_an_upgrade_step(self, portal):
        """A state set without a transition, then reindexed: still told."""
        doc = portal["f"]["a"]
        head = log_of(portal).head
        api.portal.get_tool("portal_workflow").setStatusOf(
            "simple_publication_workflow",
            doc,
            {"review_state": "published", "action": None, "time": DateTime()},
        )
        doc.reindexObject(idxs=["review_state"])
        transaction.commit()
        (change,) = changes_since(portal, head)
        assert (change.kinds, change.review_state) == (TRANSITION, "published")

    def test_security_reindex_without_change_is_nothing(self, portal):
        head = log_of(portal).head
        portal["f"].reindexObjectSecurity()
        portal["f"].moveObjectsToBottom(["a"])
        transaction.commit()
        assert log_of(portal).head == head

    def test_local_role_on_a_folder_reaches_its_children(self, portal):
        api.user.create(email="x@example.org", username="xavier", password="x" * 12)
        transaction.commit()
        head = log_of(portal).head
        api.user.grant_roles(username="xavier", obj=portal["f"], roles=["Reader"])
        portal["f"].reindexObjectSecurity()
        transaction.commit()
        assert entries_of(portal, head) == [
            (SECURITY, "/f", None),
            (SECURITY, "/f/a", None),
            (SECURITY, "/f/b", None),
        ]
