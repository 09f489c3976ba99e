"""`make bench-sync` on a tiny library: the table it prints and writes.

The table goes between the markers of the page named by ``BENCH_SYNC_DOC``
(here a copy in a temporary directory: tests never write into the project),
the rest of the page untouched; its columns are those of the committed
docs/benchmarks.md (the ``run_bench`` fixture checks both).
"""

from pathlib import Path

import os
import subprocess
import sys
import threading


ROOT = Path(__file__).resolve().parents[2]


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


def test_measurements_wait_for_the_processes_named():
    """``BENCH_HOLD_PIDS``: each size is timed once those processes ended."""
    sleeper = subprocess.Popen(["sleep", "2"])
    threading.Thread(target=sleeper.wait).start()  # reaped as it ends
    held = subprocess.run(
        [sys.executable, "-c", "from bench.layers import hold_while_busy as h; h()"],
        cwd=ROOT,
        env={**os.environ, "BENCH_HOLD_PIDS": str(sleeper.pid)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert held.returncode == 0, held.stderr
    assert sleeper.poll() is not None
    assert f"Mesure en attente de la fin de [{sleeper.pid}]" in held.stderr
