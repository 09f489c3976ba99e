"""docs/akoma-ntoso.md read as text: its sections, tables and code blocks."""

from pathlib import Path

import re


ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "akoma-ntoso.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text under a ``## heading`` of the page, up to the next one."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", PAGE, re.M | re.S)
    assert match, heading
    return match.group(1)


def rows(markdown: str) -> list[list[str]]:
    """The cells of a markdown table's rows, header left out."""
    found = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in markdown.splitlines()
        if line.startswith("|") and not re.match(r"^\|[\s|:-]+\|$", line)
    ]
    return found[1:]


def blocks(markdown: str, language: str) -> list[str]:
    """The fenced code blocks of one language."""
    return re.findall(rf"^```{language}\n(.*?)^```", markdown, re.M | re.S)
