"""docs/migration.md, run as written: `make export`, then `make import-site`
into an empty instance, `make start` on it; the two sites compared deeply.

A corrupt or truncated export is refused in French and leaves no site.
"""

from doc_text import page
from doc_text import section
from instance_commands import BIN
from instance_commands import Instance
from instance_commands import run
from pathlib import Path

import json
import pytest
import re
import requests
import shutil


SCRIPT = Path(__file__).resolve().parent / "ops_site_picture.py"


def picture(ops: Instance, site_id: str, tmp_path, refresh: str = "") -> dict:
    """The deep picture of ``site_id`` on the (stopped) instance ``ops``."""
    output = tmp_path / f"{ops.var.name}-{site_id}.json"
    args = [BIN / "python", SCRIPT, ops.zope_conf, site_id, output, refresh]
    done = ops.run(args)
    assert done.returncode == 0, done.stderr[-3000:]
    return {**json.loads(output.read_text(encoding="utf-8")), "file": output}


def site_ids(ops: Instance) -> list[str]:
    """The Plone sites of the (stopped) instance."""
    script = (
        "import sys, pathlib\n"
        "from traite_portal.commands.zope_app import open_app\n"
        "app = open_app(pathlib.Path(sys.argv[1]))\n"
        "print(' '.join(sorted(app.objectIds('Plone Site'))))\n"
    )
    done = ops.run([BIN / "python", "-c", script, ops.zope_conf])
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split()


@pytest.fixture(scope="module")
def exported(instance, demo, tmp_path_factory):
    """`make export EXPORT=…` on the session's instance (corpus, demo users)."""
    folder = tmp_path_factory.mktemp("exports") / "traite-export"
    done = instance.make("export", f"EXPORT={folder}")
    assert done.returncode == 0, done.stdout + done.stderr
    return {"folder": folder, "result": done}


@pytest.fixture(scope="module")
def restored(exported, tmp_path_factory):
    """`make import-site EXPORT=…` on a new, empty instance."""
    ops = Instance(tmp_path_factory.mktemp("var-restored"))
    done = ops.make("import-site", f"EXPORT={exported['folder']}")
    yield {"instance": ops, "result": done}
    ops.server.stop()


class TestExport:
    def test_export_prints_its_counts(self, exported):
        out = exported["result"].stdout
        assert f"Export terminé dans {exported['folder']}" in out
        assert re.search(r"content [1-9]\d*", out)

    def test_export_files_are_the_documented_ones(self, exported):
        documented = set(
            re.findall(r"^\| `([a-z]+\.json)`", page("migration.md"), re.M)
        )
        documented |= {"ordering.json", "defaultpages.json", "portlets.json"}
        written = {path.name for path in exported["folder"].iterdir()}
        assert written == documented

    def test_export_is_the_owners_only(self, exported):
        folder = exported["folder"]
        assert oct(folder.stat().st_mode)[-3:] == "700"
        for path in folder.iterdir():
            assert oct(path.stat().st_mode)[-3:] == "600", path.name


class TestImportSite:
    def test_import_prints_the_site(self, restored):
        done = restored["result"]
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Site « traite » importé" in done.stdout

    def test_sites_are_identical(self, instance, restored, tmp_path):
        before = picture(instance, "traite", tmp_path, "refresh")
        after = picture(restored["instance"], "traite", tmp_path)
        assert before["principals"]["source_users"]["_user_passwords"]  # demo users
        found = run([BIN / "python", SCRIPT, "compare", before["file"], after["file"]])
        assert found.returncode == 0, found.stderr[-3000:]
        assert found.stdout == ""

    def test_start_finds_the_site_and_serves_it(self, restored):
        ops = restored["instance"]
        site = ops.make("site")
        assert site.returncode == 0, site.stderr
        assert "Site « traite » déjà présent" in site.stdout
        url = ops.serve()
        page_ = requests.get(f"{url}/traite/plan-action-2010", timeout=60)
        assert page_.status_code == 200
        ops.server.stop()

    def test_existing_site_is_refused(self, exported, restored):
        again = restored["instance"].make("import-site", f"EXPORT={exported['folder']}")
        assert again.returncode == 2
        assert "le site « traite » existe déjà" in again.stderr

    def test_export_is_required(self, restored):
        done = restored["instance"].make("import-site")
        assert done.returncode != 0
        assert "indiquez le dossier de l'export" in done.stderr


def _truncate(folder, name):
    path = folder / name
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _truncate_and_reseal(folder, name):
    """Truncated, its checksum updated: only the JSON check can see it."""
    _truncate(folder, name)
    _reseal(folder, name)


def _dangling_local_roles(folder, name):
    """Valid JSON, sealed, but naming an item the export lacks: fails mid-import."""
    data = json.loads((folder / name).read_text())
    data.append({**data[-1], "uuid": "0" * 32})
    (folder / name).write_text(json.dumps(data))
    _reseal(folder, name)


def _reseal(folder, name):
    from traite_portal.exportimport.manifest import file_record

    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][name] = file_record(folder / name)
    (folder / "manifest.json").write_text(json.dumps(manifest))


BAD_EXPORTS = {
    "truncated": (_truncate, "content.json", "somme de contrôle différente"),
    "not-json": (_truncate_and_reseal, "versions.json", "n'est pas du JSON valide"),
    "no-manifest": (
        lambda folder, name: (folder / name).unlink(),
        "manifest.json",
        "fichier manquant : manifest.json",
    ),
    "dangling": (
        _dangling_local_roles,
        "localroles.json",
        "rôles locaux d'un contenu absent de l'export",
    ),
}


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    """An instance without a site, for the exports that must be refused."""
    ops = Instance(tmp_path_factory.mktemp("var-empty"))
    yield ops
    ops.server.stop()


@pytest.mark.parametrize("case", sorted(BAD_EXPORTS))
def test_bad_export_is_refused_and_nothing_imported(case, exported, empty, tmp_path):
    spoil, name, message = BAD_EXPORTS[case]
    folder = tmp_path / "export"
    shutil.copytree(exported["folder"], folder)
    spoil(folder, name)
    ops = empty
    done = ops.make("import-site", f"EXPORT={folder}")
    assert done.returncode == 2
    assert message in done.stderr
    assert "rien n'a été importé" in done.stderr
    assert site_ids(ops) == []


def test_documented_commands_are_the_make_targets():
    text = page("migration.md")
    for target in ("export", "import-site"):
        assert f"make {target}" in text
        assert f"make {target}" in page("README.md")
    help_ = run(["make", "--no-print-directory", "help"]).stdout
    assert re.search(r"^export\s", help_, re.M)
    assert re.search(r"^import-site\s", help_, re.M)


def test_documented_import_order_is_the_steps_order():
    from traite_portal.exportimport.steps import STEPS

    text = section(page("migration.md"), "Import order")
    listed = re.search(r"its file: (.*?)\. ", text, re.S).group(1)
    documented = re.findall(r"`([a-z]+)`", listed)
    assert documented == [step.name for step in STEPS]
