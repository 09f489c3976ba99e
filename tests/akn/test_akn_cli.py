"""The console scripts and make targets, on a real instance under a temporary VAR.

`traite-akn-import --check` needs no instance; bad files exit with status 2
and leave the database file untouched; the seed exported in-process is
imported with `make akn-import` into an empty site and exported again with
`make akn-export`: the same XML after C14N.
"""

from akn_hostile import build
from akn_hostile import CASES
from akn_hostile import Listener
from akn_sites import as_admin
from pathlib import Path
from traite_portal.akn.canonical import canonical
from traite_portal.akn.export import item_to_akn

import os
import pytest
import subprocess


ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
CREATE_EMPTY_SITE = """
import sys, transaction
from pathlib import Path
from traite_portal.commands.setup_site import create_site
from traite_portal.commands.zope_app import open_app
create_site(open_app(Path(sys.argv[1])), "vide", import_corpus=False)
transaction.commit()
"""


def run(args, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VAR", "SITE", "LISTEN")}
    return subprocess.run(
        [str(a) for a in args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        **kwargs,
    )


@pytest.fixture(scope="module")
def var(tmp_path_factory) -> Path:
    """An instance (`make instance`) holding one empty site, « vide »."""
    var = tmp_path_factory.mktemp("var")
    made = run(["make", "--no-print-directory", f"VAR={var}", "instance"])
    assert made.returncode == 0, made.stderr
    conf = var / "instance" / "etc" / "zope.conf"
    created = run([BIN / "python", "-c", CREATE_EMPTY_SITE, conf])
    assert created.returncode == 0, created.stderr
    return var


@pytest.fixture
def exports(corpus_integration, tmp_path) -> dict:
    """The plan and the libraries of the corpus, exported in-process."""
    as_admin(corpus_integration)
    portal = corpus_integration["portal"]
    files = {}
    for path in ("plan-action-2010", "textes"):
        files[path] = tmp_path / f"{path}.xml"
        files[path].write_bytes(item_to_akn(portal[path]))
    return files


def _database(var: Path) -> tuple[int, int]:
    stat = (var / "filestorage" / "Data.fs").stat()
    return stat.st_size, stat.st_mtime_ns


def _make(var: Path, *arguments: str):
    return run(["make", "--no-print-directory", f"VAR={var}", "SITE=vide", *arguments])


class TestAknCommands:
    def test_check_needs_no_instance(self, exports):
        result = run([BIN / "traite-akn-import", "--check", *exports.values()])
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("document Akoma Ntoso 3.0 valide") == 2

    @pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
    def test_bad_files_exit_2_and_write_nothing(self, var, exports, tmp_path, case):
        secret = tmp_path / "secret.txt"
        secret.write_text("SECRET-CLI-0042", encoding="utf-8")
        listener = Listener()
        base = exports["textes"].read_bytes()
        bad = tmp_path / f"{case.name}.xml"
        bad.write_bytes(build(case.name, base, str(secret), listener.url))
        before = _database(var)
        try:
            result = _make(var, f"AKN_FILES={exports['textes']} {bad}", "akn-import")
        finally:
            listener.stop()
        assert result.returncode == 2, result.stdout + result.stderr
        assert f"Erreur : {case.message}".split(" :")[0] in result.stderr
        assert case.message in result.stderr
        assert "Rien n'a été écrit." in result.stderr
        assert "SECRET-CLI-0042" not in result.stdout + result.stderr
        assert listener.requests == []
        assert _database(var) == before

    def test_seed_round_trips_through_make(self, var, exports, tmp_path):
        files = f"{exports['plan-action-2010']} {exports['textes']}"
        imported = _make(var, f"AKN_FILES={files}", "akn-import")
        assert imported.returncode == 0, imported.stderr
        assert "Import terminé : 196 créés" in imported.stdout
        for path, first in exports.items():
            again = tmp_path / f"again-{path}.xml"
            result = _make(var, f"AKN={path}", f"AKN_OUT={again}", "akn-export")
            assert result.returncode == 0, result.stderr
            assert canonical(again.read_bytes()) == canonical(first.read_bytes())
