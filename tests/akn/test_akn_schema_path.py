"""Where the OASIS schema is found: next to the checkout, or next to the local
repository a clone was made from (``git clone . /tmp/fresh``), whatever folder
the clone sits in."""

from pathlib import Path
from traite_portal.akn import schema

import subprocess


def _git(*args: str | Path) -> None:
    subprocess.run(["git", *map(str, args)], check=True, capture_output=True)


def _clone(origin: Path, target: Path) -> Path:
    """A real local clone: a repository whose origin is ``origin``."""
    _git("init", "-q", target)
    _git("-C", target, "remote", "add", "origin", origin)
    return target


def _shared_schema(base: Path) -> Path:
    path = base / schema.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text("<xsd:schema/>", encoding="utf-8")
    return path


class TestSchemaPath:
    def test_found_next_to_the_checkout(self, tmp_path):
        expected = _shared_schema(tmp_path)
        checkout = tmp_path / "main"
        checkout.mkdir()
        assert schema.find_schema(checkout) == expected

    def test_found_next_to_the_origin_of_a_clone_kept_elsewhere(self, tmp_path):
        expected = _shared_schema(tmp_path / "work")
        main = _clone(tmp_path / "elsewhere", tmp_path / "work" / "main")
        fresh = _clone(main, tmp_path / "tmp" / "fresh")
        assert schema.find_schema(fresh) == expected

    def test_found_through_a_clone_of_a_clone(self, tmp_path):
        expected = _shared_schema(tmp_path / "work")
        main = _clone(tmp_path / "nowhere", tmp_path / "work" / "main")
        fresh = _clone(main, tmp_path / "tmp" / "fresh")
        again = _clone(fresh, tmp_path / "other" / "again")
        assert schema.find_schema(again) == expected

    def test_none_without_a_schema_and_no_endless_loop(self, tmp_path):
        one = tmp_path / "one"
        two = _clone(one, tmp_path / "two")
        _clone(two, one)
        assert schema.find_schema(one) is None

    def test_origin_that_is_an_url_is_ignored(self, tmp_path):
        clone = _clone("https://example.org/traite.git", tmp_path / "clone")
        assert schema.origin_checkout(clone) is None
        assert schema.find_schema(clone) is None

    def test_this_checkout_finds_the_schema(self, monkeypatch):
        """The suite's own clone, wherever it sits, finds the real schema."""
        monkeypatch.delenv(schema.ENVIRONMENT_VARIABLE, raising=False)
        path = schema.schema_path()
        assert path.is_file()
        assert b"akomaNtoso" in path.read_bytes()
