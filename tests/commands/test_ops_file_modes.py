"""The instance's files are its owner's only: nothing under var/ for others.

After the session's commands (`make site`, `make demo`, the admin reset,
`make notify-overdue`, `make start` serving pages and storing a blob), every
file and folder under VAR is stat-ed: no read, write or execute bit for the
group or others. Then an instance made before this rule is made private by
the next make command.
"""

from instance_commands import bare_instance
from instance_commands import BIN
from instance_commands import run
from pathlib import Path

import base64
import pytest
import requests
import stat


def _not_private(var: Path) -> list[str]:
    """Every path under ``var`` (itself included) open to group or others."""
    paths = [var, *var.rglob("*")]
    return sorted(
        f"{oct(stat.S_IMODE(path.lstat().st_mode))} {path.relative_to(var.parent)}"
        for path in paths
        if path.lstat().st_mode & 0o077
    )


@pytest.fixture(scope="session")
def blob_stored(instance, demo, admin_reset):
    """A File uploaded over REST by the admin, so that blobstorage holds a blob."""
    served = instance.serve()
    response = requests.post(
        f"{served}/traite",
        auth=("admin", instance.admin_password()),
        headers={"Accept": "application/json"},
        json={
            "@type": "File",
            "title": "Pièce jointe de test",
            "file": {
                "data": base64.b64encode(b"contenu confidentiel\n").decode(),
                "encoding": "base64",
                "filename": "piece.txt",
                "content-type": "text/plain",
            },
        },
        timeout=60,
    )
    assert response.status_code == 201, response.text
    requests.get(f"{served}/traite/plan-action-2010", timeout=60)  # access log
    return response.json()["@id"]


class TestFileModes:
    def test_every_file_under_var_is_private(
        self, instance, demo, admin_reset, overdue_runs, blob_stored
    ):
        var = instance.var
        # Not vacuous: the data, a blob, the logs and the passwords are there.
        assert list((var / "blobstorage").rglob("*.blob"))
        for name in (
            "filestorage/Data.fs",
            "log/event.log",
            "log/access.log",
            "admin-password",
            "demo-users.txt",
            "instance/etc/zope.conf",
            "instance/etc/zope.ini",
        ):
            assert (var / name).exists(), name
        assert _not_private(var) == []

    def test_an_older_instance_is_made_private(self, instance):
        """Files left readable by an older version: `make instance` closes them."""
        opened = [
            instance.var,
            instance.var / "log",
            instance.var / "filestorage" / "Data.fs",
            instance.var / "admin-password",
        ]
        for path in opened:
            path.chmod(path.stat().st_mode | 0o055)
        assert _not_private(instance.var)
        result = instance.make("instance", offline=False)  # no database opened
        assert result.returncode == 0, result.stderr
        assert _not_private(instance.var) == []

    def test_console_scripts_create_private_files(self, tmp_path):
        """Run by hand (no Makefile umask), a command's new files are private."""
        zope_conf = bare_instance(tmp_path)
        command = f"umask 022 && {BIN}/traite-import -c {zope_conf} --no-progress"
        result = run(["sh", "-c", command])
        # No site in this new database: the command stops with its message.
        assert "Aucun site « traite »" in result.stderr, result.stderr[-3000:]
        created = [
            tmp_path / "var" / "filestorage" / "Data.fs",
            tmp_path / "var" / "blobstorage",
        ]
        for path in created:
            assert path.exists(), result.stderr
            assert path.stat().st_mode & 0o077 == 0, oct(path.stat().st_mode)
