"""`make bench-search` at a tiny size: the table and targets it writes.

The table goes between the markers of the page named by ``BENCH_SEARCH_DOC``
(a copy in a temporary directory: tests never write into the project), the
rest of the page untouched, with the columns of the committed
docs/benchmarks.md (the ``run_bench`` fixture checks both). OpenSearch is
obtained as the other server tests obtain it (started once for the session;
a failure, unless told to skip, when it cannot start); the bench finds it
running and leaves it running.
"""

from search_servers import require
from traite_portal.search.backends.server.engines import get_engine


SIZE = 50


def test_make_bench_search_writes_its_table(run_bench):
    settings = require("opensearch")
    rows, block, stdout = run_bench(
        "bench-search",
        "bench-search",
        "BENCH_SEARCH_DOC",
        BENCH_SEARCH_SIZES=str(SIZE),
        BENCH_RUNS="2",
    )
    assert [row[0] for row in rows] == [str(SIZE)]
    assert all(float(cell.replace(",", "")) > 0 for cell in rows[0])
    assert f"checked at {SIZE} texts (100,000 not measured in this run)" in block
    assert block.count(" ms for a limit of ") == 2
    assert "| items | vanilla p50 |" in stdout
    # A server the bench did not start is left running.
    assert get_engine(settings).health() in ("green", "yellow")
