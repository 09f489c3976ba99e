"""`make bench-sync` on a tiny library: the table it prints and writes.

The table goes between the markers of the page named by ``BENCH_SYNC_DOC``
(here a copy in a temporary directory: tests never write into the project),
the rest of the page untouched; its columns are those of the committed
docs/benchmarks.md (the ``run_bench`` fixture checks both).
"""

SIZES = (5, 15)


def test_make_bench_sync_writes_its_table(run_bench):
    rows, _, stdout = run_bench(
        "bench-sync",
        "bench-sync",
        "BENCH_SYNC_DOC",
        BENCH_SYNC_SIZES=",".join(str(n) for n in SIZES),
    )
    assert len(rows) == len(SIZES)
    for size, row in zip(SIZES, rows, strict=True):
        numbers = [float(cell.replace(",", "")) for cell in row]
        assert numbers[0] > size  # the texts and their library
        assert all(number > 0 for number in numbers)
    assert "| items | first sync (items/s)" in stdout
