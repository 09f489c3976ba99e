"""docs/security.md, the README and the Makefile say the limits the code has."""

from pathlib import Path
from traite_portal.security.limits import limit
from traite_portal.security.limits import markdown_table

import re


ROOT = Path(__file__).resolve().parents[3]


def section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


class TestDocs:
    def test_security_page_has_the_codes_table(self):
        page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
        assert markdown_table() in section(page, "Limits and bad input")

    def test_makefile_default_is_the_tables(self):
        makefile = (ROOT / "Makefile").read_text()
        # Like LISTEN, kept from the instance's zope.ini, else this default.
        default = re.search(r"^MAX_REQUEST_BODY_SIZE :?= .*?(\d+)\)?$", makefile, re.M)
        assert int(default[1]) == limit("request_body").value
        assert "@MAX_REQUEST_BODY_SIZE@" in (ROOT / "etc" / "zope.ini.in").read_text()

    def test_readme_and_operations_name_the_variable(self):
        for path in ("README.md", "docs/operations.md"):
            text = (ROOT / path).read_text(encoding="utf-8")
            assert "MAX_REQUEST_BODY_SIZE" in text, path
