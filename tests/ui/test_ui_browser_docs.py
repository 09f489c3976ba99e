"""docs/ui.md's table of browser tests names every module of tests/browser,
and only those."""

from pathlib import Path

import re


ROOT = Path(__file__).resolve().parents[2]


def documented_modules() -> set[str]:
    text = (ROOT / "docs" / "ui.md").read_text(encoding="utf-8")
    section = text.split("## Tests in a browser", 1)[1]
    rows = re.findall(r"^\| (`test_.*?) \|", section, flags=re.MULTILINE)
    return {name for row in rows for name in re.findall(r"`(test_\w+\.py)`", row)}


def test_every_browser_module_is_documented():
    modules = {path.name for path in (ROOT / "tests" / "browser").glob("test_*.py")}
    assert documented_modules() == modules
