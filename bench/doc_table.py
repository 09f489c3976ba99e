"""A benchmark's table, printed and written into docs/benchmarks.md.

Each benchmark owns a block between two markers of its own
(``<!-- bench-sync:start -->`` … ``<!-- bench-sync:end -->``): the block is
replaced (the page is created, or the section appended, when the markers are
missing), so that the rest of the page stays as written.
"""

from bench.layers import SECURITY_IMPLEMENTATION
from dataclasses import dataclass
from pathlib import Path

import os
import platform
import time


HEADING = (
    "# Benchmarks\n\nMeasured by `make bench`, `make bench-sync`, "
    "`make bench-search`.\n"
)


@dataclass(frozen=True)
class Block:
    """Where a benchmark's table goes and what is said above it."""

    marker: str  # "bench-sync": the markers are <!-- bench-sync:start/end -->
    section: str  # the heading written with the markers when they are missing
    unit: str  # what the numbers are ("polls: median of 15 runs, in ms")

    @property
    def start(self) -> str:
        return f"<!-- {self.marker}:start -->"

    @property
    def end(self) -> str:
        return f"<!-- {self.marker}:end -->"


def table(rows: list[dict], unit: str) -> str:
    """The Markdown table of the measured rows, with when and where."""
    names = list(rows[0])
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"Zope security in {SECURITY_IMPLEMENTATION}); {unit}.",
        "",
        "| " + " | ".join(names) + " |",
        "|" + "|".join(" ---: " for _ in names) + "|",
    ]
    for row in rows:
        cells = [f"{row[n]:,.0f}" if n == "items" else f"{row[n]:,.1f}" for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_table(doc: Path, rows: list[dict], block: Block, after: str = "") -> str:
    """Put the table (and ``after``, Markdown below it) between the block's
    markers in ``doc``; what was written."""
    text = table(rows, block.unit) + (f"\n{after}" if after else "")
    written = f"{block.start}\n{text}{block.end}"
    page = doc.read_text(encoding="utf-8") if doc.exists() else HEADING
    if block.start in page and block.end in page:
        before, _, rest = page.partition(block.start)
        _, _, following = rest.partition(block.end)
        page = before + written + following
    else:
        page = page.rstrip("\n") + "\n\n" + block.section + written + "\n"
    doc.write_text(page, encoding="utf-8")
    return text
