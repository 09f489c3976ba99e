"""traite-sync against a library of 1,000, 10,000 and 100,000 legal texts.

At each size, over real HTTP to a WSGI server: the first full sync's
throughput (the ``traite-sync`` command, items per second), then the latency
of a poll when nothing changed, side by side: the feed (``@changes`` from the
stored cursor, with and without its ETag), the whole command, and the two
anchors a client would use without the feed: ``@search`` with ``modified``
after its last sync, and the latest item by modification date (both blind
to deletions, moves and retractions). The table is printed and written into
docs/benchmarks.md (``BENCH_SYNC_DOC``); ``BENCH_SYNC_SIZES`` sets the sizes.
"""

from bench.doc_table import Block
from bench.doc_table import write_table
from bench.layers import hold_while_busy
from bench.layers import set_up
from bench.layers import tear_down
from bench.library_listing import fill_by_thousands
from bench.library_listing import p50
from bench.library_listing import RUNS
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from traite_portal.testing import FUNCTIONAL_TESTING

import os
import requests
import subprocess
import sys
import tempfile
import time
import transaction


ROOT = Path(__file__).resolve().parents[1]
SIZES = [
    int(n) for n in os.environ.get("BENCH_SYNC_SIZES", "1000,10000,100000").split(",")
]
DOC = Path(os.environ.get("BENCH_SYNC_DOC", ROOT / "docs" / "benchmarks.md"))
TRAITE_SYNC = Path(sys.executable).parent / "traite-sync"
JSON = {"Accept": "application/json"}
BLOCK = Block(
    "bench-sync",
    "## Sync client (`make bench-sync`)\n\n",
    f"polls: median of {RUNS} runs, in ms",
)


def _sync(url: str, directory: Path) -> float:
    """Seconds of one ``traite-sync`` run (as the site owner)."""
    env = {**os.environ, "TRAITE_SYNC_PASSWORD": SITE_OWNER_PASSWORD}
    began = time.perf_counter()
    done = subprocess.run(
        [str(TRAITE_SYNC), url, str(directory), "--user", SITE_OWNER_NAME, "--quiet"],
        capture_output=True,
        text=True,
        env=env,
    )
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"traite-sync: {done.returncode} {done.stderr}")
    return seconds


def _get(session, url: str, status: int, **options):
    def call():
        response = session.get(url, timeout=600, **options)
        assert response.status_code == status, (url, response.status_code)
        return response

    return call


def _polls(session, url: str, directory: Path) -> dict[str, float]:
    """Latency (ms) of each way to ask « what changed? » when nothing did."""
    cursor = session.get(f"{url}/@changes", timeout=600).json()["cursor"]
    feed = f"{url}/@changes?since={cursor}&b_size=500"
    etag = session.get(feed, timeout=600).headers["ETag"]
    search = f"{url}/@search"
    latest = {
        "sort_on": "modified",
        "sort_order": "descending",
        "b_size": 1,
        "metadata_fields": "modified",
    }
    found = session.get(search, params=latest, timeout=600).json()
    since = {
        "modified.query": found["items"][0]["modified"],
        "modified.range": "min",
        "metadata_fields": "modified",
    }
    return {
        "@changes 304": p50(_get(session, feed, 304, headers={"If-None-Match": etag})),
        "@changes 200": p50(_get(session, feed, 200)),
        "modified >=": p50(_get(session, search, 200, params=since)),
        "latest modified": p50(_get(session, search, 200, params=latest)),
        "traite-sync": p50(lambda: _sync(url, directory)),
    }


def main() -> int:
    layer = FUNCTIONAL_TESTING
    set_up(layer)
    portal = layer["portal"]
    url = portal.absolute_url()
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    session.headers.update(JSON)
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="lib", title="Lib")
    transaction.commit()
    rows = []
    done = 0
    try:
        for size in SIZES:
            fill_by_thousands(library, done, size)
            done = size
            hold_while_busy()
            with tempfile.TemporaryDirectory() as work:
                directory = Path(work) / "miroir"
                seconds = _sync(url, directory)
                total = len(list(directory.rglob("*.json")))
                row = {"items": total, "first sync (items/s)": total / seconds}
                row.update(_polls(session, url, directory))
            rows.append(row)
            print(row, flush=True)
    finally:
        tear_down(layer)
    print(write_table(DOC, rows, BLOCK))
    return 0


if __name__ == "__main__":
    sys.exit(main())
