"""Large containers: creations per second and page render with N siblings.

Compares our unordered ``TextLibrary`` with an ordered Plone ``Folder`` holding
the same legal texts, and times the Classic UI page of one item, whose global
navigation must not list its N siblings.
"""

from bench.layers import set_up
from bench.layers import tear_down
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.CMFCore.indexing import processQueue
from traite_portal.testing import INTEGRATION_TESTING

import os
import time
import transaction


N = int(os.environ.get("BENCH_N", "5000"))
BATCH = 500


def _fill(container, portal_type: str, count: int) -> list[tuple[int, float]]:
    """Create ``count`` items; items/s measured per batch of 500."""
    rates = []
    for start in range(0, count, BATCH):
        end = min(start + BATCH, count)  # the last batch may be shorter
        began = time.perf_counter()
        for i in range(start, end):
            api.content.create(
                container, portal_type, id=f"t{i}", title=f"Texte {i}", safe_id=False
            )
        # Indexing is deferred to the end of the request: count it in the batch.
        processQueue()
        transaction.savepoint(optimistic=True)
        rates.append((end, (end - start) / (time.perf_counter() - began)))
    return rates


def _render(obj) -> tuple[float, int]:
    """Seconds to render the item's Classic UI page (warm), and its size."""
    obj.restrictedTraverse("@@view")()  # cold: compiles the page templates
    began = time.perf_counter()
    html = obj.restrictedTraverse("@@view")()
    return time.perf_counter() - began, len(html)


def main() -> int:
    layer = INTEGRATION_TESTING
    set_up(layer)
    portal = layer["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="lib", title="Lib")
        folder = api.content.create(portal, "Folder", id="folder", title="Folder")
        results = {
            "TextLibrary (unordered)": _fill(library, "NationalText", N),
            "Folder (ordered)": _fill(folder, "Document", N),
        }
        render_lib = _render(library[f"t{N // 2}"])
    print(
        f"\nCreations per second, by number of items already in the container "
        f"(N = {N})\n"
    )
    print(f"{'items':>8} | " + " | ".join(f"{k:>24}" for k in results))
    print("-" * (11 + 27 * len(results)))
    for row in range(len(next(iter(results.values())))):
        count = next(iter(results.values()))[row][0]
        print(
            f"{count:>8} | "
            + " | ".join(f"{results[k][row][1]:>24.1f}" for k in results)
        )
    seconds, size = render_lib
    print(
        f"\nClassic UI page of one text among {N} siblings: {seconds:.3f} s, "
        f"{size} bytes"
    )
    tear_down(layer)
    return 0
