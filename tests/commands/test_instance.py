"""End to end: `make site` builds a real instance, the import CLI, a served page.

Runs the project's own commands in subprocesses against a FileStorage in a
temporary var/ folder (the session's instance, ``conftest.py``), then serves
it with `make start` and reads it over HTTP.
"""

from instance_commands import BIN
from instance_commands import ROOT
from instance_commands import run
from traite_portal.upgrades import profile_version

import re
import requests


class TestMakeSite:
    def test_first_run_creates_site_and_prints_password(self, instance):
        out = instance.first.stdout
        assert "Site « traite » créé avec le corpus." in out
        assert f"admin / {instance.first_password}" in out
        assert oct((instance.var / "admin-password").stat().st_mode)[-3:] == "600"
        assert (instance.var / "filestorage" / "Data.fs").exists()

    def test_second_run_creates_nothing(self, instance):
        again = instance.make("site")
        assert again.returncode == 0, again.stderr
        assert "déjà présent" in again.stdout
        assert "admin /" not in again.stdout

    def test_older_site_is_upgraded(self, instance):
        downgrade = (
            "import transaction\n"
            "from traite_portal.commands.zope_app import open_app\n"
            "app = open_app(__import__('pathlib').Path(sys.argv[1]))\n"
            "app.traite.portal_setup.setLastVersionForProfile("
            "'traite_portal:default', '1001')\n"
            "transaction.commit()\n"
        )
        result = instance.run(
            [str(BIN / "python"), "-c", "import sys\n" + downgrade, instance.zope_conf]
        )
        assert result.returncode == 0, result.stderr
        again = instance.make("site")
        assert again.returncode == 0, again.stderr
        assert (
            f"Module mis à niveau : version 1001 → {profile_version()}." in again.stdout
        )
        third = instance.make("site")
        assert "mis à niveau" not in third.stdout

    def test_dry_run_prints_summary(self):
        result = run([str(BIN / "traite-import"), "--dry-run"])
        assert result.returncode == 0, result.stderr
        assert "33" in result.stdout
        assert "rien n'a été écrit" in result.stdout

    def test_truncated_file_rejected(self, instance, tmp_path):
        source = ROOT / "data" / "plan-action-traite-2010-propositions-collectif.txt"
        bad = tmp_path / "tronque.txt"
        bad.write_text(source.read_text(encoding="utf-8")[:20000], encoding="utf-8")
        data_fs = instance.var / "filestorage" / "Data.fs"
        instance.server.stop()
        size = data_fs.stat().st_size
        result = instance.run(
            [
                str(BIN / "traite-import"),
                "-c",
                instance.zope_conf,
                "--no-progress",
                str(bad),
            ]
        )
        assert result.returncode == 2
        assert result.stderr.startswith("Erreur : Fichier de corpus invalide : ")
        assert data_fs.stat().st_size == size  # nothing written

    def test_make_import_creates_nothing(self, instance):
        result = instance.make("import")
        assert result.returncode == 0, result.stderr
        assert re.search(
            r" 0 créés, 0 mis à jour, \d+ inchangés, 0 supprimés", result.stdout
        ), result.stdout
        assert "Import" in result.stderr  # the tqdm progress bar


class TestMakeDemo:
    def test_passwords_written_for_owner_only(self, demo):
        assert "7 utilisateurs" in demo["result"].stdout
        assert oct(demo["file"].stat().st_mode)[-3:] == "600"
        assert "demo-coordination" in demo["passwords"]

    def test_passwords_are_random(self, demo):
        values = list(demo["passwords"].values())
        assert len(set(values)) == len(values)
        assert all(len(value) >= 16 for value in values)


class TestNotifyOverdue:
    def test_mail_server_down_marks_nothing(self, overdue_runs):
        down = overdue_runs["down"]
        assert down.returncode != 0
        assert "Erreur : serveur de courrier injoignable" in down.stderr
        first = overdue_runs["runs"][0].stdout
        assert "déjà notifiées ce mois-ci : 0." in first

    def test_first_run_notifies_then_second_sends_nothing(self, overdue_runs):
        first, second = (run.stdout for run in overdue_runs["runs"])
        overdue = int(re.search(r"Mesures en retard : (\d+)", first).group(1))
        # Every measure of the 2010 plan had a deadline before today's year.
        assert overdue > 0
        assert f"notifiées maintenant : {overdue} ;" in first
        assert "notifiées maintenant : 0 ;" in second
        assert f"déjà notifiées ce mois-ci : {overdue}." in second

    def test_ministry_editors_got_mail(self, overdue_runs):
        # The demo puts editors in the ministries of justice and the interior.
        assert "demo-justice-redaction@example.org" in overdue_runs["recipients"]
        assert "demo-interieur-redaction@example.org" in overdue_runs["recipients"]


class TestServed:
    def test_measure_page_is_french_and_themed(self, served):
        page = requests.get(
            f"{served}/traite/plan-action-2010/chapitre-1/mesure-1", timeout=60
        )
        assert page.status_code == 200
        assert 'lang="fr"' in page.text
        assert "plonetheme.barceloneta" in page.text or "barceloneta" in page.text
        assert "COORDINATION NATIONALE" in page.text

    def test_measure_over_rest(self, served):
        data = requests.get(
            f"{served}/traite/plan-action-2010/chapitre-1/mesure-1",
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()
        assert data["number"] == 1
        assert data["responsible_bodies"][0]["token"] == "premier-ministre"

    def test_demo_user_logs_in(self, served, demo):
        password = demo["passwords"]["demo-juriste"]
        response = requests.post(
            f"{served}/traite/@login",
            json={"login": "demo-juriste", "password": password},
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        assert "token" in response.json()
        refused = requests.post(
            f"{served}/traite/@login",
            json={"login": "demo-juriste", "password": "demo"},
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert refused.status_code == 401

    def test_security_overrides_are_loaded(self, served, demo):
        """overrides.zcml and the rolemap reach a real instance (issue 7)."""
        auth = ("demo-juriste", demo["passwords"]["demo-juriste"])
        # The query builder lists the users vocabulary without checking any
        # permission: only the vocabulary of overrides.zcml keeps it empty.
        users = requests.get(
            f"{served}/traite/@querystring",
            headers={"Accept": "application/json"},
            auth=auth,
            timeout=60,
        )
        assert "demo-coordination" not in users.text
        assert "Claire Coordination" not in users.text
        propfind = requests.request(
            "PROPFIND", f"{served}/traite", auth=auth, timeout=60
        )
        assert propfind.status_code == 405
