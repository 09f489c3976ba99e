"""Helpers of the traite-sync tests: run the console script, read a mirror.

The command runs as a user runs it: the installed ``traite-sync`` script in
its own process, over real HTTP to the test layer's WSGI server.
"""

from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import difflib
import json
import os
import re
import subprocess
import transaction


ROOT = Path(__file__).resolve().parents[2]
TRAITE_SYNC = ROOT / ".venv" / "bin" / "traite-sync"
STATE_DIR = ".traite-sync"
SUMMARY = re.compile(r"(\d+) éléments dans le miroir \((.*)\)\.$")


def sync_env(**extra: str) -> dict[str, str]:
    """The environment of a run: ours without the client's variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRAITE_SYNC_")}
    return {**env, **extra}


def owner_env() -> dict[str, str]:
    """The site owner's password in the variable traite-sync reads."""
    return sync_env(TRAITE_SYNC_PASSWORD=SITE_OWNER_PASSWORD)


def owner_args() -> list[str]:
    return ["--user", SITE_OWNER_NAME]


def traite_sync(url: str, directory: Path, *args: str, env=None, **kwargs):
    """Run ``traite-sync URL DIRECTORY ARGS…`` to its end."""
    return subprocess.run(
        [str(TRAITE_SYNC), url, str(directory), *args],
        capture_output=True,
        text=True,
        env=sync_env() if env is None else env,
        timeout=600,
        **kwargs,
    )


def synced(url: str, directory: Path, *args: str, env=None) -> dict[str, int]:
    """Run traite-sync, which must succeed; the counts of its summary line."""
    done = traite_sync(url, directory, *args, env=env)
    assert done.returncode == 0, done.stderr
    return summary_counts(done.stdout)


def summary_counts(stdout: str) -> dict[str, int]:
    """``{"écrits": 3, …, "total": 196}`` from the summary line."""
    match = SUMMARY.search(stdout.strip())
    assert match, stdout
    counts = {"total": int(match.group(1))}
    for part in match.group(2).split(", "):
        number, _, what = part.partition(" ")
        if number.isdigit():
            counts[what] = int(number)
    return counts


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file of the mirror (not the client's own), by relative path."""
    return {
        str(file.relative_to(directory)): file.read_bytes()
        for file in sorted(directory.rglob("*"))
        if file.is_file() and STATE_DIR not in file.relative_to(directory).parts
    }


def mirrored_json(directory: Path) -> dict[str, dict]:
    """The mirror's JSON files, parsed, by relative path."""
    return {
        path: json.loads(data)
        for path, data in snapshot(directory).items()
        if path.endswith(".json")
    }


def file_of(path: str) -> str:
    """The JSON file of the item at ``path`` below the site."""
    return path.strip("/") + ".json"


def change(action) -> None:
    """Run ``action()`` as Manager and commit: the server sees it."""
    with api.env.adopt_roles(["Manager"]):
        action()
    transaction.commit()


def assert_same_mirror(url: str, directory: Path, fresh: Path, *args, env=None):
    """``directory`` holds exactly what a fresh full sync gives now."""
    synced(url, fresh, *args, env=env)
    got, expected = snapshot(directory), snapshot(fresh)
    assert sorted(got) == sorted(expected), set(got) ^ set(expected)
    differing = [path for path in expected if got[path] != expected[path]]
    assert differing == [], diff(got, expected, differing[0])


def diff(got: dict[str, bytes], expected: dict[str, bytes], path: str) -> str:
    """The first lines that differ in a mirrored file, for a failure message."""
    lines = difflib.unified_diff(
        expected[path].decode().splitlines(),
        got[path].decode().splitlines(),
        "fresh/" + path,
        "synced/" + path,
        lineterm="",
    )
    return path + "\n" + "\n".join(list(lines)[:40])
