"""The change log's cost on a bulk write: 1,000 items created in one transaction.

Times the same creation (commit included: the log writes its entries just
before the commit) on a site with the log and on the same site without it,
the time spent writing the entries themselves (``coalesce.write_pending``,
the part the log adds to a commit), and the size of the entries.
``BENCH_CHANGELOG_N`` sets the number of items (default 1000),
``BENCH_CHANGELOG_ROUNDS`` the rounds (default 2; the best of each is kept).
"""

from bench.layers import set_up
from bench.layers import tear_down
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from traite_portal.changelog import coalesce
from traite_portal.changelog.storage import ANNOTATION_KEY
from traite_portal.changelog.storage import get_changelog
from traite_portal.testing import FUNCTIONAL_TESTING
from zope.annotation.interfaces import IAnnotations

import os
import pickle
import time
import transaction


N = int(os.environ.get("BENCH_CHANGELOG_N", "1000"))
ROUNDS = int(os.environ.get("BENCH_CHANGELOG_ROUNDS", "2"))


def bulk_create(portal, library_id: str) -> float:
    """Seconds to create N legal texts in a new library and commit."""
    began = time.perf_counter()
    library = api.content.create(portal, "TextLibrary", id=library_id, title="L")
    for number in range(N):
        api.content.create(
            library, "NationalText", id=f"t{number}", title=f"Texte {number}",
            safe_id=False,
        )  # fmt: skip
    transaction.commit()
    return time.perf_counter() - began


class TimedWrites:
    """Wraps ``coalesce.write_pending`` to add up the time it takes."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.original = coalesce.write_pending

    def __call__(self, pending) -> None:
        began = time.perf_counter()
        self.original(pending)
        self.seconds += time.perf_counter() - began


def main() -> int:
    layer = FUNCTIONAL_TESTING
    set_up(layer)
    portal = layer["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    log = get_changelog(portal)
    annotations = IAnnotations(portal)
    timings = {"with the log": [], "without the log": []}
    writes = coalesce.write_pending = TimedWrites()
    with api.env.adopt_roles(["Manager"]):
        bulk_create(portal, "warm-up")
        for round_number in range(ROUNDS):
            head = log.head
            writes.seconds = 0.0
            timings["with the log"].append(bulk_create(portal, f"on{round_number}"))
            writing = writes.seconds
            entries = log.head - head
            del annotations[ANNOTATION_KEY]
            timings["without the log"].append(bulk_create(portal, f"off{round_number}"))
            annotations[ANNOTATION_KEY] = log
            transaction.commit()
    records = [record for _, record in log.entries.items(head, log.head)]
    size = sum(len(pickle.dumps(r, protocol=3)) for r in records) / len(records)
    best = {name: min(values) for name, values in timings.items()}
    print(f"\nBulk creation of {N} legal texts in one transaction (best of {ROUNDS})\n")
    print(f"{'':>18} | {'seconds':>8} | {'items/s':>8}")
    print("-" * 41)
    for name, seconds in best.items():
        print(f"{name:>18} | {seconds:>8.2f} | {N / seconds:>8.0f}")
    overhead = best["with the log"] / best["without the log"] - 1
    print(
        f"\nDifference: {overhead:+.1%}. Writing the {entries} entries for "
        f"{N + 1} items took {writing:.2f} s "
        f"({writing / best['without the log']:.1%} of the creation); "
        f"about {size:.0f} bytes per entry (pickled)"
    )
    coalesce.write_pending = writes.original
    tear_down(layer)
    return 0
