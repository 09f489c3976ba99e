"""`make bench-sync` on a tiny library: the table it prints and writes.

The table goes between the markers of the page named by ``BENCH_SYNC_DOC``
(here a copy in a temporary directory: tests never write into the project),
the rest of the page untouched; its columns are those of the committed
docs/benchmarks.md.
"""

from pathlib import Path

import os
import subprocess


ROOT = Path(__file__).resolve().parents[2]
START = "<!-- bench-sync:start -->"
END = "<!-- bench-sync:end -->"
SIZES = (5, 15)


def table_rows(page: str) -> list[list[str]]:
    """The cells of the Markdown table between the markers."""
    block = page.split(START, 1)[1].split(END, 1)[0]
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in block.splitlines()
        if line.startswith("|")
    ]


def test_make_bench_sync_writes_its_table(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Pages\n\nAvant.\n\n{START}\nancien\n{END}\n\nAprès.\n")
    env = {
        **os.environ,
        "BENCH_SYNC_SIZES": ",".join(str(n) for n in SIZES),
        "BENCH_SYNC_DOC": str(doc),
    }
    done = subprocess.run(
        ["make", "--no-print-directory", "bench-sync"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    page = doc.read_text()
    assert page.startswith("# Pages\n\nAvant.\n\n" + START)
    assert page.endswith(END + "\n\nAprès.\n")
    assert "ancien" not in page
    header, _, *rows = table_rows(page)
    assert table_rows((ROOT / "docs" / "benchmarks.md").read_text())[0] == header
    assert len(rows) == len(SIZES)
    for size, row in zip(SIZES, rows, strict=True):
        numbers = [float(cell.replace(",", "")) for cell in row]
        assert numbers[0] > size  # the texts and their library
        assert all(number > 0 for number in numbers)
    assert "| items | first sync (items/s)" in done.stdout
