"""Library page and REST listing of a library: 35 texts, then 30,000.

Both are one catalog query sorted on an index and cut to the batch, so their
time must not grow with the library. plone.restapi's stock folder listing
(sorted by position, not cut) is timed beside ours for comparison.
"""

from bench.layers import set_up
from bench.layers import tear_down
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from Products.CMFCore.indexing import processQueue
from statistics import median
from traite_portal.interfaces import IBrowserLayer
from traite_portal.testing import INTEGRATION_TESTING
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import os
import time
import transaction


SIZES = (35, int(os.environ.get("BENCH_LIBRARY_N", "30000")))
RUNS = 15


def _p50(call) -> float:
    call()  # warm: templates compiled, caches filled
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return median(times) * 1000


def _fill(library, start: int, stop: int) -> None:
    for i in range(start, stop):
        api.content.create(
            library,
            "NationalText",
            id=f"t{i}",
            title=f"Texte {i:05d}",
            jo_date=None,
            safe_id=False,
        )
        if i % 1000 == 999:
            processQueue()
            transaction.savepoint(optimistic=True)
    processQueue()


def _measure(library, request) -> dict[str, float]:
    request.form.clear()
    page = library.restrictedTraverse("@@view")
    ours = getMultiAdapter((library, request), ISerializeToJson)
    stock = SerializeFolderToJson(library, request)
    return {
        "page (Classic)": _p50(page),
        "REST listing": _p50(ours),
        "REST stock listing": _p50(stock),
    }


def main() -> int:
    layer = INTEGRATION_TESTING
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
    print(f"{'texts':>8} | " + " | ".join(f"{n:>20}" for n in names))
    print("-" * (11 + 23 * len(names)))
    for size, row in results.items():
        print(f"{size:>8} | " + " | ".join(f"{row[n]:>20.1f}" for n in names))
    tear_down(layer)
    return 0
