"""Sorted batches taken from the sort index give the catalog's order, every page,
both ways, whether the index is walked or the results sorted."""

from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue
from traite_portal.listing import sorted_batch as module
from traite_portal.listing.sorted_batch import sorted_batch

import pytest
import random


SIZE = 130
PAGE = 20


@pytest.fixture(scope="class")
def library(integration_class):
    """Texts with shuffled, partly equal titles; some dated (equal dates too).

    Made once for the class, in a transaction rolled back after it."""
    integration_class.testSetUp()
    portal = integration_class["portal"]
    numbers = list(range(SIZE))
    random.Random(10).shuffle(numbers)
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="lib", title="Lib")
        # Another library's texts share the indexes, as in a real site.
        other = api.content.create(portal, "TextLibrary", id="other", title="Autre")
        for i in range(40):
            api.content.create(other, "NationalText", id=f"o{i}", title=f"Autre {i}")
        for n in numbers:
            api.content.create(
                library,
                "NationalText",
                id=f"t{n}",
                title=f"Texte {n // 2:03d}",
                jo_date=date(2000 + n % 7, 1, 1) if n % 5 else None,
            )
    processQueue()
    yield library
    integration_class.testTearDown()


def expected_order(library, index_name: str, descending: bool) -> list[str]:
    """Keyed results by key (equal keys in rid order), then the unkeyed ones."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        path="/".join(library.getPhysicalPath()), portal_type="NationalText"
    )
    key_of = catalog._catalog.getIndex(index_name)._unindex
    keyed = sorted(
        (b for b in brains if b.getRID() in key_of),
        key=lambda b: b.getRID(),
    )
    keyed.sort(key=lambda b: key_of[b.getRID()], reverse=descending)
    unkeyed = sorted(
        (b for b in brains if b.getRID() not in key_of), key=lambda b: b.getRID()
    )
    return [b.getId for b in keyed + unkeyed]


class TestSortedBatch:
    @pytest.mark.parametrize(
        "walk_cost", [0, 10**9], ids=["walk-index", "sort-results"]
    )
    @pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
    @pytest.mark.parametrize("index_name", ["sortable_title", "legal_date"])
    def test_every_page_in_order(
        self, library, monkeypatch, walk_cost, descending, index_name
    ):
        monkeypatch.setattr(module, "WALK_COST", walk_cost)
        catalog = api.portal.get_tool("portal_catalog")
        query = {
            "path": "/".join(library.getPhysicalPath()),
            "portal_type": "NationalText",
        }
        pages = []
        for start in range(0, SIZE, PAGE):
            batch = sorted_batch(catalog, query, index_name, descending, start, PAGE)
            assert batch.actual_result_count == SIZE
            pages.extend(b.getId for b in batch)
        assert pages == expected_order(library, index_name, descending)

    def test_past_the_end_and_empty(self, library):
        catalog = api.portal.get_tool("portal_catalog")
        query = {"path": "/".join(library.getPhysicalPath()), "portal_type": "Circular"}
        assert list(sorted_batch(catalog, query, "sortable_title", False, 0, 10)) == []
        query["portal_type"] = "NationalText"
        past = sorted_batch(catalog, query, "sortable_title", False, SIZE + 5, 10)
        assert list(past) == []
        assert past.actual_result_count == SIZE
