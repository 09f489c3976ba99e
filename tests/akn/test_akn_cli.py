"""The console scripts and make targets, on a real instance under a temporary VAR.

`traite-akn-import --check` needs no instance; bad files exit with status 2
and leave the database file untouched; the seed exported in-process is
imported with `make akn-import` into an empty site and exported again with
`make akn-export-all` (and one text with `make akn-export`): the same XML
after C14N.
"""

from akn_hostile import build
from akn_hostile import CASES
from akn_hostile import Listener
from akn_page import blocks
from akn_page import section
from akn_sites import as_admin
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from traite_portal.akn.canonical import canonical
from traite_portal.akn.export import item_to_akn

import os
import pytest
import shlex
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


def run(args, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VAR", "SITE", "LISTEN")}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
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


DRAFT = "Brouillon d'une association"
DIRECTIVE = "textes/droit-europeen/dir-2011-36-ue"


@pytest.fixture
def exports(corpus_integration, tmp_path) -> dict:
    """The plan (with a draft proposal) and the libraries, exported in-process."""
    as_admin(corpus_integration)
    portal = corpus_integration["portal"]
    measure = portal["plan-action-2010"]["chapitre-1"]["mesure-1"]
    text = RichTextValue("<p>Une proposition en cours.</p>", "text/html", "text/html")
    api.content.create(measure, "Proposal", id="brouillon", title=DRAFT, text=text)
    files = {}
    for path in ("plan-action-2010", "textes", DIRECTIVE):
        files[path] = tmp_path / f"{path.rsplit('/', 1)[-1]}.xml"
        files[path].write_bytes(item_to_akn(portal.unrestrictedTraverse(path)))
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
        assert result.stdout.count("document Akoma Ntoso 3.0 valide") == 3

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

    def test_seed_round_trips_through_make(
        self, var, exports, corpus_integration, tmp_path
    ):
        files = f"{exports['plan-action-2010']} {exports['textes']}"
        imported = _make(var, f"AKN_FILES={files}", "akn-import")
        assert imported.returncode == 0, imported.stderr
        assert "Import terminé : 197 créés" in imported.stdout
        bulk = tmp_path / "bulk"
        result = _make(var, f"AKN_DIR={bulk}", "akn-export-all")
        assert result.returncode == 0, result.stderr
        # Every plan and library at the top of the seeded site, one file each.
        portal = corpus_integration["portal"]
        tops = api.content.find(
            portal_type=["ActionPlan", "TextLibrary"],
            path={"query": "/".join(portal.getPhysicalPath()), "depth": 1},
        )
        assert {f"{b.getId}.akn.xml" for b in tops} == {p.name for p in bulk.iterdir()}
        for path in ("plan-action-2010", "textes"):
            again = bulk / f"{path}.akn.xml"
            assert canonical(again.read_bytes()) == canonical(
                exports[path].read_bytes()
            )
        assert DRAFT in (bulk / "plan-action-2010.akn.xml").read_text()
        one = tmp_path / "one.xml"
        result = _make(var, f"AKN={DIRECTIVE}", f"AKN_OUT={one}", "akn-export")
        assert result.returncode == 0, result.stderr
        assert canonical(one.read_bytes()) == canonical(exports[DIRECTIVE].read_bytes())

    def test_anonymous_export_and_import_into(self, var, exports, tmp_path):
        conf = var / "instance" / "etc" / "zope.conf"
        public = tmp_path / "public.xml"
        export = [BIN / "traite-akn-export", "-c", conf, "-s", "vide", "--anonymous"]
        result = run([*export, "plan-action-2010", "-o", public])
        assert result.returncode == 0, result.stderr
        assert DRAFT not in public.read_text()
        every = run([*export, "--all", tmp_path / "public"])
        assert every.returncode == 0, every.stderr
        bulk_plan = (tmp_path / "public" / "plan-action-2010.akn.xml").read_bytes()
        assert canonical(bulk_plan) == canonical(public.read_bytes())
        hidden = run([*export, "plan-action-2010/chapitre-1/mesure-1/brouillon"])
        assert hidden.returncode == 2
        assert "n'est pas public" in hidden.stderr
        into = [BIN / "traite-akn-import", "-c", conf, "-s", "vide", exports[DIRECTIVE]]
        at_root = run(into)
        assert at_root.returncode == 2
        assert "Impossible d'ajouter" in at_root.stderr
        nowhere = run([*into, "--into", "nulle-part"])
        assert nowhere.returncode == 2
        assert "Aucun conteneur « nulle-part » dans le site." in nowhere.stderr
        in_library = run([*into, "--into", "textes/droit-europeen"])
        assert in_library.returncode == 0, in_library.stderr
        assert "0 créés, 0 mis à jour, 1 inchangés" in in_library.stdout

    def test_console_commands_of_the_docs(self, var, exports, tmp_path):
        """docs/akoma-ntoso.md's console block, run on the instance's « vide »."""
        conf = var / "instance" / "etc" / "zope.conf"
        (tmp_path / "textes.xml").write_bytes(exports["textes"].read_bytes())
        outputs = []
        for line in blocks(section("Examples"), "sh")[1].splitlines():
            words = shlex.split(line)
            words[0] = str(ROOT / words[0])
            if "-c" in words:
                at = words.index("-c")
                words[at : at + 2] = ["-c", str(conf), "-s", "vide"]
            result = run(words, cwd=tmp_path)
            assert result.returncode == 0, f"{line}\n{result.stderr}"
            outputs.append(result.stdout)
        assert canonical((tmp_path / "plan.xml").read_bytes()) == canonical(
            (tmp_path / "var" / "akn" / "plan-action-2010.akn.xml").read_bytes()
        )
        assert outputs[-2].count("document Akoma Ntoso 3.0 valide") == 2
        assert "Import terminé : 0 créés, 0 mis à jour" in outputs[-1]
