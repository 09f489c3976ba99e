"""The table of ``make bench-sync``, printed and written into docs/benchmarks.md.

The table replaces what stands between its two markers in the page (the
page is created, or the section appended, when they are missing), so that
the rest of the page stays as written.
"""

from pathlib import Path

import os
import platform
import time


START = "<!-- bench-sync:start -->"
END = "<!-- bench-sync:end -->"
HEADING = "# Benchmarks\n\nMeasured by `make bench`, `make bench-sync`.\n"
SECTION = "## Sync client (`make bench-sync`)\n\n"


def table(rows: list[dict], runs: int) -> str:
    """The Markdown table of the measured rows, with when and where."""
    names = list(rows[0])
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end "
        f"({platform.python_implementation()} {platform.python_version()}); "
        f"polls: median of {runs} runs, in ms.",
        "",
        "| " + " | ".join(names) + " |",
        "|" + "|".join(" ---: " for _ in names) + "|",
    ]
    for row in rows:
        cells = [f"{row[n]:,.0f}" if n == "items" else f"{row[n]:,.1f}" for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_table(doc: Path, rows: list[dict], runs: int) -> str:
    """Put the table between the markers of ``doc``; the table."""
    text = table(rows, runs)
    block = f"{START}\n{text}{END}"
    page = doc.read_text(encoding="utf-8") if doc.exists() else HEADING
    if START in page and END in page:
        before, _, rest = page.partition(START)
        _, _, after = rest.partition(END)
        page = before + block + after
    else:
        page = page.rstrip("\n") + "\n\n" + SECTION + block + "\n"
    doc.write_text(page, encoding="utf-8")
    return text
