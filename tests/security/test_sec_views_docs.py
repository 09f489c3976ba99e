"""docs/security.md says what the code does: guard exceptions, WebDAV methods."""

from pathlib import Path
from traite_portal.security.unguarded import UNGUARDED
from traite_portal.security.webdav import ALLOWED_METHODS
from traite_portal.security.webdav import WEBDAV_METHODS

import pytest


DOCS = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def _section() -> str:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("## Views, WebDAV, the undo log and user lists")
    return text[start : text.index("\n## ", start + 1)]


@pytest.mark.parametrize("entry", UNGUARDED, ids=lambda entry: entry.what)
def test_every_exception_of_the_guard_is_documented(entry):
    rows = [line for line in _section().splitlines() if line.startswith("| ")]
    assert any(row.startswith(f"| {entry.what} |") for row in rows), entry.what


def test_the_table_has_no_other_exception():
    rows = [line for line in _section().splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + len(UNGUARDED)  # header and separator


def test_webdav_methods_are_documented():
    section = _section()
    for method in WEBDAV_METHODS:
        assert f"`{method}`" in section, method
    assert f"`Allow: {ALLOWED_METHODS}`" in section
