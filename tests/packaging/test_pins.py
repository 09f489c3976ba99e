"""pip and buildout installs use the same pins."""

from pathlib import Path

import re


ROOT = Path(__file__).resolve().parents[2]


def _pins(text: str, separator: str) -> dict[str, str]:
    pattern = re.compile(rf"^([A-Za-z0-9_.-]+)\s*{separator}\s*(\S+)\s*$")
    return {m[1].lower(): m[2] for m in map(pattern.match, text.splitlines()) if m}


class TestPins:
    def test_versions_cfg_matches_constraints(self):
        constraints = _pins((ROOT / "constraints.txt").read_text(), "==")
        versions = _pins((ROOT / "versions.cfg").read_text(), "=")
        assert versions == constraints

    def test_verified_base_pins_kept(self):
        constraints = _pins((ROOT / "constraints.txt").read_text(), "==")
        assert constraints["products.cmfplone"] == "6.2.2"
        assert constraints["plone.app.layout"] == "6.0.2"
        major = int(constraints["setuptools"].split(".")[0])
        assert major < 81
