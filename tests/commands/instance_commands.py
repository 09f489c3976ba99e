"""Run the project's commands as a user would, on a temporary instance.

One ``Instance`` (a temporary ``VAR``) is shared by the tests of a session;
it knows its server (``make start``) and stops it before any command that
opens the database, since FileStorage allows one process at a time.
"""

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from servers import free_port
from servers import Server

import os
import subprocess


ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
# Variables of the Makefile and of traite-setup a developer may have set:
# each test says what it wants instead.
USER_VARIABLES = ("LISTEN", "ADMIN_PASSWORD", "VAR", "SITE")


def environment(env: dict | None = None) -> dict[str, str]:
    """The process environment without the user's variables, plus ``env``."""
    base = {k: v for k, v in os.environ.items() if k not in USER_VARIABLES}
    return {**base, **(env or {})}


def run(args, env=None, cwd=ROOT, timeout=900) -> subprocess.CompletedProcess:
    """Run a command to its end; its output is kept as text."""
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment(env),
        timeout=timeout,
    )


def bare_instance(root: Path) -> Path:
    """An instance under ``root`` made by hand from the project's templates
    (``etc/``, an empty ``var/filestorage``), no database yet: its zope.conf."""
    etc = root / "etc"
    etc.mkdir()
    (etc / "site.zcml").write_text((ROOT / "etc" / "site.zcml").read_text())
    (etc / "zope.conf").write_text(
        (ROOT / "etc" / "zope.conf.in")
        .read_text()
        .replace("@INSTANCE@", str(root))
        .replace("@VAR@", str(root / "var"))
    )
    (root / "var" / "filestorage").mkdir(parents=True)
    return etc / "zope.conf"


def make_command(*arguments: str) -> list[str]:
    """``make`` as a user types it in the project's folder."""
    return ["make", "--no-print-directory", *arguments]


@dataclass
class Instance:
    """A Zope instance under a temporary VAR, and its ``make start`` server."""

    var: Path
    port: int = field(default_factory=free_port)
    server: Server = field(init=False)
    first: subprocess.CompletedProcess | None = None  # the first `make site`
    first_password: str = ""  # the password it generated

    def __post_init__(self):
        self.server = Server(
            make_command(f"VAR={self.var}", f"LISTEN=localhost:{self.port}", "start"),
            ROOT,
            f"http://localhost:{self.port}",
            env=environment(),
        )

    @property
    def zope_conf(self) -> Path:
        return self.var / "instance" / "etc" / "zope.conf"

    def listen(self) -> str:
        """The ``listen = …`` line of the instance's zope.ini."""
        ini = (self.var / "instance" / "etc" / "zope.ini").read_text()
        return next(line for line in ini.splitlines() if line.startswith("listen"))

    def admin_password(self) -> str:
        return (self.var / "admin-password").read_text().strip()

    def make(self, *arguments: str, env=None, offline=True):
        """``make VAR=… <arguments>``; ``offline`` stops the server first."""
        if offline:
            self.server.stop()
        return run(make_command(f"VAR={self.var}", *arguments), env=env)

    def run(self, args, env=None, offline=True):
        """Another command on the instance; ``offline`` stops the server first."""
        if offline:
            self.server.stop()
        return run(args, env=env)

    def serve(self) -> str:
        """The URL of ``make start`` on this instance, started if needed."""
        return self.server.start()
