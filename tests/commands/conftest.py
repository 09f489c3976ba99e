"""One real instance per test session, built by the project's make targets.

Each fixture runs one command once, in the order a user would: `make site`,
`make demo`, `ADMIN_PASSWORD=… make site` then `make site`, `SITE=autre make
site`, `make notify-overdue`, and `make start` on another port. Tests read what the
commands printed and wrote; ``Instance`` stops the server before a command
that opens the database.
"""

from aiosmtpd.controller import Controller
from instance_commands import BIN
from instance_commands import Instance
from servers import free_port

import pytest
import secrets


@pytest.fixture(scope="session")
def instance(tmp_path_factory):
    """`make site` on a new VAR, without LISTEN: the first run, as documented."""
    ops = Instance(tmp_path_factory.mktemp("var"))
    first = ops.make("site")
    assert first.returncode == 0, first.stdout + first.stderr
    ops.first = first
    ops.first_password = ops.admin_password()
    yield ops
    ops.server.stop()


@pytest.fixture(scope="session")
def demo(instance):
    """`make demo` on the instance: demo users with random passwords."""
    result = instance.make("demo")
    assert result.returncode == 0, result.stdout + result.stderr
    users_file = instance.var / "demo-users.txt"
    passwords = dict(line.split(" ") for line in users_file.read_text().splitlines())
    return {
        "result": result,
        "file": users_file,
        "passwords": passwords,
        "listen": instance.listen(),
    }


@pytest.fixture(scope="session")
def admin_reset(instance, demo):
    """`ADMIN_PASSWORD=… make site` after `make demo`, then a plain `make site`."""
    generated = instance.first_password
    wanted = secrets.token_urlsafe(12)
    reset = instance.make("site", env={"ADMIN_PASSWORD": wanted})
    stored = instance.admin_password()
    plain = instance.make("site")
    return {
        "generated": generated,
        "wanted": wanted,
        "reset": reset,
        "stored": stored,
        "plain": plain,
    }


class Inbox:
    """aiosmtpd handler keeping the recipients of what arrives."""

    def __init__(self):
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


def set_smtp(instance, port: int) -> None:
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
    result = instance.run(
        [str(BIN / "python"), "-c", script, str(instance.zope_conf), str(port)]
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def overdue_runs(instance, demo):
    """`make notify-overdue`: mail server down, then up twice in a row.

    The second time as docs/notifications.md says it can be run without the
    console script: `python -m traite_portal.commands.notify_overdue -c …`.
    """
    set_smtp(instance, free_port())  # nobody listens there
    down = instance.make("notify-overdue")
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    module = "traite_portal.commands.notify_overdue"
    try:
        set_smtp(instance, controller.port)
        runs = [
            instance.make("notify-overdue"),
            instance.run([BIN / "python", "-m", module, "-c", instance.zope_conf]),
        ]
    finally:
        controller.stop()
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
    return {"down": down, "runs": runs, "recipients": inbox.recipients}


@pytest.fixture(scope="session")
def other_site(instance, demo):
    """`SITE=autre make site`: a second site in the same instance."""
    return instance.make("SITE=autre", "site")


@pytest.fixture
def served(instance, demo, admin_reset, other_site) -> str:
    """`LISTEN=localhost:<port> make start` after the commands above."""
    return instance.serve()
