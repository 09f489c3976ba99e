"""Publication dates: like the catalog, the feed hides an item before its
effective date and after its expiration date from readers without "Access
inactive portal content", and tells them when the date is reached."""

from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from sync_helpers import log_of
from sync_http import ANONYMOUS
from sync_http import head_cursor
from sync_http import read_feed
from sync_http import session_for
from traite_portal.changelog.dates import release_due

import pytest
import time
import transaction


HOUR = 3600


@pytest.fixture
def portal(functional):
    portal = functional["portal"]
    api.portal.get_tool("portal_workflow").setChainForPortalTypes(
        ("Document",), "simple_publication_workflow"
    )
    transaction.commit()
    return portal


def published(portal, item_id: str, **dates):
    with api.env.adopt_roles(["Manager"]):
        doc = api.content.create(portal, "Document", id=item_id, title=item_id)
        for name, value in dates.items():
            setattr(doc, name, value)
        api.content.transition(obj=doc, transition="publish")
    transaction.commit()
    return doc


def kinds_seen(portal, cursors: dict) -> dict:
    return {
        reader: [
            (i["kind"], i["path"])
            for i in read_feed(session_for(reader), portal.absolute_url(), cursor)[0]
        ]
        for reader, cursor in cursors.items()
    }


def cursors_now(portal) -> dict:
    return {
        reader: head_cursor(session_for(reader), portal.absolute_url())
        for reader in (ANONYMOUS, SITE_OWNER_NAME)
    }


def release(portal, at: float) -> int:
    released = release_due(log_of(portal), at)
    transaction.commit()
    return released


def test_effective_date_to_come(portal):
    cursors = cursors_now(portal)
    published(portal, "later", effective_date=DateTime(time.time() + HOUR))
    assert kinds_seen(portal, cursors) == {
        ANONYMOUS: [],
        SITE_OWNER_NAME: [("created", "/later")],
    }
    assert release(portal, time.time() + 2 * HOUR) == 1
    assert kinds_seen(portal, cursors) == {
        ANONYMOUS: [("created", "/later")],
        SITE_OWNER_NAME: [("created", "/later")],
    }


def test_expiration_date(portal):
    cursors = cursors_now(portal)
    published(portal, "soon", expiration_date=DateTime(time.time() + HOUR))
    assert release(portal, time.time() + 2 * HOUR) == 1
    assert kinds_seen(portal, cursors) == {
        ANONYMOUS: [("created", "/soon"), ("removed", "/soon")],
        SITE_OWNER_NAME: [("created", "/soon")],
    }


def test_dates_changed_since_are_not_released(portal):
    doc = published(portal, "later", effective_date=DateTime(time.time() + HOUR))
    with api.env.adopt_roles(["Manager"]):
        doc.effective_date = None
        doc.reindexObject()
    transaction.commit()
    assert release(portal, time.time() + 2 * HOUR) == 0


def test_a_write_releases_what_is_due(portal):
    cursors = cursors_now(portal)
    published(portal, "now", effective_date=DateTime(time.time() + 1))
    time.sleep(1.5)
    published(portal, "other")
    assert kinds_seen(portal, cursors)[ANONYMOUS] == [
        ("created", "/now"),
        ("created", "/other"),
    ]
