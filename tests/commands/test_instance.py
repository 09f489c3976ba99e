"""End to end: `make site` builds a real instance, the import CLI, a served page.

Runs the project's own commands in subprocesses against a FileStorage in a
temporary var/ folder, then serves it with runwsgi and reads it over HTTP.
"""

from aiosmtpd.controller import Controller
from pathlib import Path
from servers import free_port
from servers import serving

import os
import pytest
import re
import requests
import subprocess


ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
PROFILE_VERSION = re.search(
    r"<version>(\d+)</version>",
    (ROOT / "profiles" / "default" / "metadata.xml").read_text(),
)[1]


def _run(args, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        args,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=900,
        **kwargs,
    )


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    port = free_port()
    make = ["make", "--no-print-directory", f"VAR={var}", f"LISTEN=localhost:{port}"]
    first = _run([*make, "site"], env={"ADMIN_PASSWORD": ""})
    assert first.returncode == 0, first.stdout + first.stderr
    return {"var": var, "port": port, "make": make, "first": first}


def _zope_conf(instance) -> str:
    return str(instance["var"] / "instance" / "etc" / "zope.conf")


class TestMakeSite:
    def test_first_run_creates_site_and_prints_password(self, instance):
        out = instance["first"].stdout
        assert "Site « traite » créé avec le corpus." in out
        password = (instance["var"] / "admin-password").read_text().strip()
        assert f"admin / {password}" in out
        assert oct((instance["var"] / "admin-password").stat().st_mode)[-3:] == "600"
        assert (instance["var"] / "filestorage" / "Data.fs").exists()

    def test_second_run_creates_nothing(self, instance):
        again = _run([*instance["make"], "site"])
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
        result = _run(
            [
                str(BIN / "python"),
                "-c",
                "import sys\n" + downgrade,
                _zope_conf(instance),
            ]
        )
        assert result.returncode == 0, result.stderr
        again = _run([*instance["make"], "site"])
        assert again.returncode == 0, again.stderr
        assert (
            f"Module mis à niveau : version 1001 → {PROFILE_VERSION}." in again.stdout
        )
        third = _run([*instance["make"], "site"])
        assert "mis à niveau" not in third.stdout

    def test_dry_run_prints_summary(self):
        result = _run([str(BIN / "traite-import"), "--dry-run"])
        assert result.returncode == 0, result.stderr
        assert "33" in result.stdout
        assert "rien n'a été écrit" in result.stdout

    def test_truncated_file_rejected(self, instance, tmp_path):
        source = ROOT / "data" / "plan-action-traite-2010-propositions-collectif.txt"
        bad = tmp_path / "tronque.txt"
        bad.write_text(source.read_text(encoding="utf-8")[:20000], encoding="utf-8")
        result = _run(
            [
                str(BIN / "traite-import"),
                "-c",
                _zope_conf(instance),
                "--no-progress",
                str(bad),
            ]
        )
        assert result.returncode == 2
        assert result.stderr.startswith("Erreur : ")

    def test_reimport_creates_nothing(self, instance):
        result = _run([str(BIN / "traite-import"), "-c", _zope_conf(instance)])
        assert result.returncode == 0, result.stderr
        assert re.search(
            r" 0 créés, 0 mis à jour, \d+ inchangés, 0 supprimés", result.stdout
        ), result.stdout
        assert "Import" in result.stderr  # the tqdm progress bar


@pytest.fixture(scope="module")
def demo(instance):
    """`make demo` on the instance: demo users with random passwords."""
    result = _run([*instance["make"], "demo"])
    assert result.returncode == 0, result.stdout + result.stderr
    users_file = instance["var"] / "demo-users.txt"
    passwords = dict(line.split(" ") for line in users_file.read_text().splitlines())
    return {"result": result, "file": users_file, "passwords": passwords}


class TestMakeDemo:
    def test_passwords_written_for_owner_only(self, demo):
        assert "7 utilisateurs" in demo["result"].stdout
        assert oct(demo["file"].stat().st_mode)[-3:] == "600"
        assert "demo-coordination" in demo["passwords"]

    def test_passwords_are_random(self, demo):
        values = list(demo["passwords"].values())
        assert len(set(values)) == len(values)
        assert all(len(value) >= 16 for value in values)


class Inbox:
    """aiosmtpd handler keeping the recipients of what arrives."""

    def __init__(self):
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


def _set_smtp(instance, port: int) -> None:
    """Point the instance's site at an SMTP port (registry, as the panel does)."""
    script = (
        "import sys, transaction\n"
        "from pathlib import Path\n"
        "from plone import api\n"
        "from zope.component.hooks import setSite\n"
        "from traite_portal.commands.zope_app import open_app\n"
        "site = open_app(Path(sys.argv[1])).traite\n"
        "setSite(site)\n"
        "api.portal.set_registry_record('plone.smtp_host', '127.0.0.1')\n"
        "api.portal.set_registry_record('plone.smtp_port', int(sys.argv[2]))\n"
        "transaction.commit()\n"
    )
    result = _run([str(BIN / "python"), "-c", script, _zope_conf(instance), str(port)])
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def overdue_runs(instance, demo):
    """`make notify-overdue`: mail server down, then up twice in a row."""
    _set_smtp(instance, free_port())  # nobody listens there
    down = _run([*instance["make"], "notify-overdue"])
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        _set_smtp(instance, controller.port)
        runs = [_run([*instance["make"], "notify-overdue"]) for _ in range(2)]
    finally:
        controller.stop()
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
    return {"down": down, "runs": runs, "recipients": inbox.recipients}


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


@pytest.fixture(scope="module")
def server(instance, demo, overdue_runs):
    ini = instance["var"] / "instance" / "etc" / "zope.ini"
    url = f"http://localhost:{instance['port']}"
    with serving([str(BIN / "runwsgi"), str(ini)], ROOT, url):
        yield url


class TestServed:
    def test_measure_page_is_french_and_themed(self, server):
        page = requests.get(
            f"{server}/traite/plan-action-2010/chapitre-1/mesure-1", timeout=60
        )
        assert page.status_code == 200
        assert 'lang="fr"' in page.text
        assert "plonetheme.barceloneta" in page.text or "barceloneta" in page.text
        assert "COORDINATION NATIONALE" in page.text

    def test_measure_over_rest(self, server):
        data = requests.get(
            f"{server}/traite/plan-action-2010/chapitre-1/mesure-1",
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()
        assert data["number"] == 1
        assert data["responsible_bodies"][0]["token"] == "premier-ministre"

    def test_demo_user_logs_in(self, server, demo):
        password = demo["passwords"]["demo-juriste"]
        response = requests.post(
            f"{server}/traite/@login",
            json={"login": "demo-juriste", "password": password},
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        assert "token" in response.json()
        refused = requests.post(
            f"{server}/traite/@login",
            json={"login": "demo-juriste", "password": "demo"},
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert refused.status_code == 401
