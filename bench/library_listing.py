"""Library page and REST listing of a library: 35 texts, 100, then 30,000.

Both take their batch by walking the sort index (``listing.sorted_batch``) in a
result set kept until the catalog changes (``listing.result_cache``), so their
time must not grow with the library: the page by title, newest first and its
second page, the REST listing by title, and the REST listing just after a
change to the catalog (the result set computed again). plone.restapi's stock
folder listing (sorted by position, not cut) is timed beside ours.
"""

from bench.layers import set_up
from bench.layers import tear_down
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.dexterity.utils import createContent
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from Products.CMFCore.indexing import processQueue
from statistics import median
from traite_portal.interfaces import IBrowserLayer
from traite_portal.testing import FUNCTIONAL_TESTING
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import os
import sys
import time
import transaction


# 100 texts fill the page's 50 rows as 30,000 do (35 texts show 35 rows).
SIZES = tuple(sorted({35, 100, int(os.environ.get("BENCH_LIBRARY_N", "30000"))}))
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
# Library page parameters of each timed case.
PAGES = {
    "page by title": {},
    "page newest first": {"tri": "date", "ordre": "desc"},
    "page 2 by title": {"b_start": "50"},
}


def p50(call, before=None) -> float:
    """Median milliseconds of ``call()`` over RUNS runs, after a warm-up;
    ``before()``, untimed, runs before each."""
    call()  # warm: templates compiled, caches filled
    times = []
    for _ in range(RUNS):
        if before is not None:
            before()
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return median(times) * 1000


def numbered_text(i: int) -> dict:
    """The fields of text ``i`` when nothing else is asked: a numbered title."""
    return {"type": "NationalText", "title": f"Texte {i:05d}", "jo_date": None}


def fill_library(
    library, start: int, stop: int, fields=numbered_text, state: str | None = None
) -> None:
    """Legal texts ``start`` to ``stop`` in ``library``, created with their
    events (initial version, change log: what a sync client sees), indexed by
    thousands; ``fields(i)`` gives text ``i``'s type and fields, ``state`` the
    workflow state each is brought to (through its transitions)."""
    for i in range(start, stop):
        values = dict(fields(i))
        portal_type = values.pop("type")
        text = api.content.create(
            library, portal_type, id=f"t{i}", safe_id=False, **values
        )
        if state is not None:
            api.content.transition(obj=text, to_state=state)
        if i % 1000 == 999:
            processQueue()
            transaction.savepoint(optimistic=True)
    processQueue()


def fill_by_thousands(
    library, start: int, stop: int, fields=numbered_text, state: str | None = None
) -> None:
    """``fill_library`` as the Manager, committed by thousands (a site's texts)."""
    for first in range(start, stop, 1000):
        with api.env.adopt_roles(["Manager"]):
            fill_library(library, first, min(first + 1000, stop), fields, state)
        transaction.commit()


def _fill(library, start: int, stop: int) -> None:
    """Texts added without their events: what is timed is the listing, and
    api.content.create (initial version, subscribers) would take an hour for
    30,000 on the shared machine. Each text gets its workflow state and is
    cataloged, as a listing sees it."""
    workflow = api.portal.get_tool("portal_workflow")
    for i in range(start, stop):
        text = createContent(
            "NationalText",
            id=f"t{i}",
            title=f"Texte {i:05d}",
            jo_date=date(1990 + i % 30, 1 + i % 12, 1 + i % 28),
        )
        library._setObject(text.id, text, suppress_events=True)
        text = library[text.id]
        workflow.notifyCreated(text)
        text.indexObject()
        if i % 1000 == 999:
            processQueue()
            transaction.savepoint(optimistic=True)
            # Filling 30,000 texts takes minutes: say where it is.
            print(f"  {i + 1} texts", file=sys.stderr, flush=True)
    processQueue()
    # Listings keep result sets of committed catalog states only, as a site's.
    transaction.commit()


def _change(library):
    """A committed change to the catalog: the kept result sets are stale."""

    def touch():
        library["t0"].reindexObject(idxs=["modified"])
        processQueue()
        transaction.commit()

    return touch


def _page(library, request, form: dict):
    def render():
        request.form.clear()
        request.form.update(form)
        return library.restrictedTraverse("@@view")()

    return render


def _measure(library, request) -> dict[str, float]:
    times = {name: p50(_page(library, request, form)) for name, form in PAGES.items()}
    request.form.clear()
    ours = getMultiAdapter((library, request), ISerializeToJson)
    stock = SerializeFolderToJson(library, request)
    times["REST listing"] = p50(ours)
    times["REST after a change"] = p50(ours, before=_change(library))
    times["REST stock listing"] = p50(stock)
    return times


def main() -> int:
    # Functional: the texts are committed, as in a site (see ``_fill``).
    layer = FUNCTIONAL_TESTING
    set_up(layer)
    portal = layer["portal"]
    request = layer["request"]
    alsoProvides(request, IBrowserLayer)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    results = {}
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="lib", title="Lib")
        done = 0
        for size in SIZES:
            _fill(library, done, size)
            done = size
            results[size] = _measure(library, request)
    print("\nLibrary of N legal texts: p50 in ms over", RUNS, "runs (one batch)\n")
    names = list(results[SIZES[0]])
    print(f"{'texts':>8} | " + " | ".join(f"{n:>19}" for n in names))
    print("-" * (11 + 22 * len(names)))
    for size, row in results.items():
        print(f"{size:>8} | " + " | ".join(f"{row[n]:>19.1f}" for n in names))
    print(f"\nload average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    tear_down(layer)
    return 0
