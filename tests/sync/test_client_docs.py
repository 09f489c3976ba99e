"""docs/sync.md's « The sync client » section: its tables and commands, run.

The options table lists every option of the parser, the exit statuses table
every status of ``traite_sync.exits``; the indented commands run as written
(the documented URL replaced by the test server's, the password and user by
the site owner's), in a temporary directory, and print lines of the
documented form.
"""

from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from sync_client import snapshot
from sync_client import sync_env
from sync_client import TRAITE_SYNC
from traite_sync.cli import build_parser
from traite_sync.exits import MEANINGS

import re
import shlex
import subprocess


DOC = Path(__file__).resolve().parents[2] / "docs" / "sync.md"
DOCUMENTED_URL = "http://localhost:8080/traite"


def client_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text[text.index("## The sync client: `traite-sync`") :]


def table(heading: str) -> dict[str, str]:
    """First column (without backticks) → second, of the table after ``heading``."""
    part = client_section().split(heading, 1)[1]
    rows = {}
    for line in part.splitlines()[2:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        first, second = (cell.strip() for cell in line.strip("|").split("|")[:2])
        if set(first) - {"-", " "}:
            rows[first.strip("`")] = second
    rows.pop("Option", None)
    rows.pop("Status", None)
    return rows


def indented(prefix: str) -> list[str]:
    """The section's indented lines that start with ``prefix``."""
    return [
        line.strip()
        for line in client_section().splitlines()
        if line.startswith("    ") and line.strip().startswith(prefix)
    ]


def test_options_table_lists_every_option():
    documented = table("### Options")
    options = {
        action.option_strings[-1] if action.option_strings else action.dest
        for action in build_parser()._actions
        if action.dest != "help"
    }
    assert set(documented) == options


def test_exit_statuses_table_lists_every_status():
    assert set(table("### Exit statuses")) == {str(int(code)) for code in MEANINGS}


def run_documented(command: str, url: str, cwd: Path):
    """Run a documented command line: its variables, the test's URL and owner."""
    words = shlex.split(command)
    env = sync_env()
    while "=" in words[0]:
        name, _, _ = words.pop(0).partition("=")
        env[name] = SITE_OWNER_PASSWORD
    assert words[0] == ".venv/bin/traite-sync"
    words = [str(TRAITE_SYNC)] + [
        url if w == DOCUMENTED_URL else SITE_OWNER_NAME if w == "admin" else w
        for w in words[1:]
    ]
    return subprocess.run(
        words, cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )


def summary_pattern(line: str) -> re.Pattern:
    """A documented summary line, its numbers free."""
    pieces = re.split(r"\d+(?:\.\d+)?", line)
    return re.compile(r"\d+(?:\.\d+)?".join(re.escape(piece) for piece in pieces))


def test_documented_commands_run(corpus_functional, tmp_path):
    url = corpus_functional["portal"].absolute_url()
    commands = indented(".venv/bin/traite-sync") + indented("TRAITE_SYNC_PASSWORD=")
    assert len(commands) == 3
    first, again = indented("Synchronisation")
    for command in commands:
        done = run_documented(command, url, tmp_path)
        assert done.returncode == 0, (command, done.stderr)
        assert summary_pattern(first).fullmatch(done.stdout.strip()), done.stdout
    again_done = run_documented(commands[0], url, tmp_path)
    assert summary_pattern(again).fullmatch(again_done.stdout.strip())
    textes = snapshot(tmp_path / "miroir-textes")
    types = {path.split("/")[1] for path in textes if path.count("/") == 2}
    assert types == {"droit-national", "conventions"}
    assert set(snapshot(tmp_path / "miroir")) <= set(
        snapshot(tmp_path / "miroir-admin")
    )
