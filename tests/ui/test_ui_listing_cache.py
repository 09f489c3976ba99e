"""Kept result sets (``listing.result_cache``) give each user exactly what the
catalog gives them, and follow every committed or uncommitted change."""

from DateTime import DateTime
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFPlone import CatalogTool
from traite_portal.listing import result_cache
from traite_portal.listing.sorted_batch import sorted_batch

import pytest
import transaction


PAGE = 7
# The roles a reader is searched with: none (anonymous), a member, an editor
# (sees drafts, not inactive texts), a manager (sees inactive texts too).
READERS = {
    "anonymous": None,
    "member": ["Member"],
    "editor": ["Editor"],
    "manager": ["Manager"],
}


@pytest.fixture
def library(functional):
    """Texts in every state, one published but not yet effective; committed."""
    portal = functional["portal"]
    for reader, roles in READERS.items():
        if roles is not None:
            portal.acl_users.userFolderAddUser(reader, "secret", roles, [])
    # Made by the site owner: no reader owns a text (owners see inactive ones).
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        library = api.content.create(portal, "TextLibrary", id="lib", title="Lib")
        for i in range(24):
            text = api.content.create(
                library, "NationalText", id=f"t{i}", title=f"Texte {i:02d}"
            )
            if i % 3:
                api.content.transition(obj=text, to_state="published")
        library["t1"].effective_date = DateTime() + 1
        library["t1"].reindexObject()
    transaction.commit()
    return library


def read_as(portal, reader: str) -> None:
    if READERS[reader] is None:
        logout()
    else:
        login(portal, reader)


def pages(library) -> tuple[list[str], int]:
    catalog = api.portal.get_tool("portal_catalog")
    query = {"path": "/".join(library.getPhysicalPath()), "portal_type": "NationalText"}
    ids, start, total = [], 0, None
    while total is None or start < total:
        batch = sorted_batch(catalog, query, "sortable_title", False, start, PAGE)
        total = batch.actual_result_count
        ids.extend(brain.getId for brain in batch)
        start += PAGE
    return ids, total


def catalog_order(library) -> list[str]:
    """The catalog's own sorted search for the current user."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        path="/".join(library.getPhysicalPath()),
        portal_type="NationalText",
        sort_on="sortable_title",
    )
    return [brain.getId for brain in brains]


@pytest.mark.parametrize("reader", list(READERS))
class TestResultCache:
    def test_each_reader_sees_what_the_catalog_gives(self, library, reader):
        read_as(library.aq_parent, reader)
        expected = catalog_order(library)
        first = pages(library)
        # The second listing comes from the kept results, identical.
        kept = len(result_cache._entries)
        assert kept >= 1
        assert pages(library) == first == (expected, len(expected))
        assert len(result_cache._entries) == kept
        if reader == "anonymous":
            # Private, then published but not yet effective.
            assert "t0" not in expected
            assert "t1" not in expected
            assert "t2" in expected

    def test_committed_changes_are_listed_at_once(self, library, reader):
        pages(library)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=library["t0"], to_state="published")
            api.content.delete(obj=library["t2"])
            api.content.create(library, "NationalText", id="new", title="Texte 00")
            api.content.transition(obj=library["new"], to_state="published")
        transaction.commit()
        read_as(library.aq_parent, reader)
        expected = catalog_order(library)
        assert {"t0", "new"} <= set(expected)
        assert pages(library) == (expected, len(expected))

    def test_uncommitted_changes_then_abort(self, library, reader):
        read_as(library.aq_parent, reader)
        before = pages(library)
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=library["t4"])
        assert "t4" not in pages(library)[0]
        assert pages(library) == (catalog_order(library), len(catalog_order(library)))
        transaction.abort()
        assert pages(library) == before


def test_readers_in_turn_never_share_results(library):
    """One committed state listed by every reader, then again in reverse."""
    order = list(READERS) + list(reversed(READERS))
    seen = {}
    for reader in order:
        read_as(library.aq_parent, reader)
        expected = catalog_order(library)
        assert pages(library) == (expected, len(expected))
        seen[reader] = expected
    # Same minute, other roles: results of their own.
    assert len(seen["anonymous"]) < len(seen["editor"]) < len(seen["manager"])


@pytest.mark.parametrize("later", [2 / 1440, 2], ids=["2-minutes", "2-days"])
def test_minutes_later_as_the_catalog_then(library, monkeypatch, later):
    """An anonymous visitor's results kept at one minute serve a later one only
    if no text became effective or expired in between (``t1``: in a day)."""
    logout()
    catalog = api.portal.get_tool("portal_catalog")
    query = {"path": "/".join(library.getPhysicalPath()), "portal_type": "NationalText"}
    before = result_cache.results(catalog, query, "sortable_title")
    assert "t1" not in pages(library)[0]
    moved = DateTime() + later
    for module in (result_cache, CatalogTool):
        monkeypatch.setattr(module, "DateTime", lambda: moved)
    expected = catalog_order(library)
    assert ("t1" in expected) is (later > 1)
    assert pages(library) == (expected, len(expected))
    after = result_cache.results(catalog, query, "sortable_title")
    # Kept results are served again only while nothing changed in between.
    assert (after is before) is (later < 1)
