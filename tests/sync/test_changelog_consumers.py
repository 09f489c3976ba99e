"""Named consumers: durable cursors, pending entries, acknowledgements, pruning."""

from plone import api
from sync_helpers import log_of
from traite_portal.changelog import consumers
from traite_portal.changelog.cursors import CursorGone
from traite_portal.changelog.retention import DAY
from traite_portal.changelog.retention import prune
from traite_portal.changelog.settings import Defaults

import pytest
import time
import transaction


@pytest.fixture
def portal(functional):
    with api.env.adopt_roles(["Manager"]):
        yield functional["portal"]


def create_documents(portal, *ids: str) -> None:
    """One transaction per document: one entry each."""
    for item_id in ids:
        api.content.create(portal, "Document", id=item_id, title=item_id)
        transaction.commit()


class Settings(Defaults):
    """Retention settings for a test (the defaults unless given)."""

    def __init__(self, **values):
        self.__dict__.update(values)


class TestConsumers:
    def test_pending_then_ack(self, portal):
        assert consumers.register_consumer(portal, "search") == log_of(portal).head
        transaction.commit()
        create_documents(portal, "a", "b", "c")
        pending = consumers.pending(portal, "search", limit=2)
        assert [c.path for c in pending] == ["/a", "/b"]
        consumers.ack(portal, "search", pending[-1].seq)
        transaction.commit()
        assert [c.path for c in consumers.pending(portal, "search")] == ["/c"]
        assert consumers.consumer_cursor(portal, "search") == pending[-1].seq

    def test_cursor_survives_another_connection(self, portal):
        consumers.register_consumer(portal, "webhooks")
        transaction.commit()
        create_documents(portal, "a")
        consumers.ack(portal, "webhooks", log_of(portal).head)
        transaction.commit()
        connection = portal._p_jar.db().open()
        try:
            other = connection.root()["Application"][portal.getId()]
            assert consumers.consumer_cursor(other, "webhooks") == log_of(portal).head
        finally:
            connection.close()

    def test_register_is_idempotent_and_from_start(self, portal):
        create_documents(portal, "a")
        assert consumers.register_consumer(portal, "all", from_start=True) == 0
        create_documents(portal, "b")
        assert consumers.register_consumer(portal, "all", from_start=True) == 0
        assert [c.path for c in consumers.pending(portal, "all")][-2:] == ["/a", "/b"]

    def test_ack_never_moves_back_nor_past_the_head(self, portal):
        consumers.register_consumer(portal, "search")
        create_documents(portal, "a", "b")
        head = log_of(portal).head
        consumers.ack(portal, "search", head)
        consumers.ack(portal, "search", head - 1)
        assert consumers.consumer_cursor(portal, "search") == head
        with pytest.raises(ValueError, match="past the head"):
            consumers.ack(portal, "search", head + 1)

    def test_unknown_consumer(self, portal):
        with pytest.raises(consumers.UnknownConsumer):
            consumers.pending(portal, "nobody")
        with pytest.raises(consumers.UnknownConsumer):
            consumers.unregister_consumer(portal, "nobody")


class TestPruning:
    def test_age_and_count(self, portal):
        create_documents(portal, "a", "b", "c")
        log = log_of(portal)
        head = log.head
        assert prune(log, settings=Settings(retention_entries=2)) == head - 2
        assert log.oldest() == head - 1
        assert log.pruned_upto == head - 2
        later = time.time() + 31 * DAY
        assert prune(log, now=later) == 2
        assert len(log) == 0
        assert log.pruned_upto == head

    def test_unacknowledged_entries_stay_until_the_hard_limit(self, portal):
        create_documents(portal, "a")
        consumers.register_consumer(portal, "search")
        create_documents(portal, "b", "c")
        log = log_of(portal)
        cursor = consumers.consumer_cursor(portal, "search")
        later = time.time() + 31 * DAY
        prune(log, now=later)
        assert log.pruned_upto == cursor  # "a" went, what search needs stayed
        assert [c.path for c in consumers.pending(portal, "search")] == ["/b", "/c"]
        prune(log, now=time.time() + 181 * DAY)
        assert len(log) == 0
        with pytest.raises(CursorGone):
            consumers.pending(portal, "search")
        assert consumers.reset_consumer(portal, "search") == log.head
        assert consumers.pending(portal, "search") == []

    def test_unregistered_consumer_no_longer_holds_entries(self, portal):
        consumers.register_consumer(portal, "search")
        create_documents(portal, "a")
        consumers.unregister_consumer(portal, "search")
        log = log_of(portal)
        prune(log, now=time.time() + 31 * DAY)
        assert len(log) == 0

    def test_writes_prune_old_entries(self, portal):
        """Retention runs with every write: no command is needed."""
        api.portal.set_registry_record("traite_portal.changelog.retention_entries", 2)
        transaction.commit()
        create_documents(portal, "a", "b", "c", "d")
        log = log_of(portal)
        assert [c.path for c in log.changes(log.pruned_upto)] == ["/c", "/d"]
