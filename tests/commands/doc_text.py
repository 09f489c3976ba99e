"""Read README.md and docs/ the way the docs tests need: commands, blocks, tables."""

from instance_commands import ROOT

import re


# README.md and every page of docs/ (docs/permissions.md is generated).
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def page(name: str) -> str:
    """The text of README.md or of ``docs/<name>``."""
    path = ROOT / name if name == "README.md" else ROOT / "docs" / name
    return path.read_text(encoding="utf-8")


def section(markdown: str, heading: str) -> str:
    """The text under ``heading`` (any level) up to the next heading."""
    match = re.search(
        rf"^#+ {re.escape(heading)}\n(.*?)(?=^#+ |\Z)", markdown, re.M | re.S
    )
    assert match, f"no section « {heading} »"
    return match.group(1)


def fenced_blocks(markdown: str) -> list[str]:
    """The contents of the ``` fenced blocks, in order."""
    return re.findall(r"^```[a-z]*\n(.*?)^```", markdown, re.M | re.S)


def make_targets(markdown: str) -> set[str]:
    """Every make target named in inline code: `make x`, `VAR=… make x`."""
    return set(re.findall(r"`(?:[A-Z_]+=\S+ )*make ([a-z][\w.-]*)", markdown))


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of every table row, header and separator rows left out."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("|") and not re.match(r"^\|[\s|:-]+\|$", line):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[1:] if rows else rows


def inline_code(cell: str) -> list[str]:
    """The `code` spans of a table cell or sentence."""
    return re.findall(r"`([^`]+)`", cell)
