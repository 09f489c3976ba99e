"""Start the real search servers for the tests, once, whatever the workers.

``ensure_started(engine)`` runs ``scripts/search_server.py start`` under a
file lock (``.cache/search/<engine>.tests.lock``): with pytest-xdist, the
first worker that needs a server starts it and the others wait for it, then
use it. Each process that used a server says so with a file under
``var/search/<engine>/test-users/``; ``release_all()`` (end of the session)
stops a server the tests started once no live process uses it any more.
A server that was already running (``make search-server``) is left alone.
"""

from pathlib import Path

import fcntl
import os
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "search_server.py"
CACHE = Path(os.environ.get("SEARCH_SERVER_CACHE", ROOT / ".cache" / "search"))
HOME = Path(os.environ.get("SEARCH_SERVER_HOME", ROOT / "var" / "search"))
_used: set = set()


class _Lock:
    """An exclusive ``flock`` on a file of the cache (one per engine)."""

    def __init__(self, engine: str):
        CACHE.mkdir(parents=True, exist_ok=True)
        self.path = CACHE / f"{engine}.tests.lock"

    def __enter__(self):
        self.file = open(self.path, "a")
        fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.file.close()


def _users(engine: str) -> Path:
    return HOME / engine / "test-users"


def _marker(engine: str) -> Path:
    return HOME / engine / "started-by-tests"


def _script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ensure_started(engine: str) -> str:
    """Start ``engine`` unless it runs; register this process as a user.

    Returns the script's output ('' when the server was already known to
    this process); raises ``RuntimeError`` with the log when it cannot start.
    """
    if engine in _used:
        return ""
    with _Lock(engine):
        result = _script("start", engine)
        if result.returncode:
            raise RuntimeError(result.stdout + result.stderr)
        users = _users(engine)
        users.mkdir(parents=True, exist_ok=True)
        if "démarrage" in result.stdout:
            _marker(engine).write_text(f"{os.getpid()}\n")
        (users / str(os.getpid())).touch()
    _used.add(engine)
    return result.stdout


def release_all() -> list[str]:
    """Unregister this process; stop what the tests started and nobody uses."""
    stopped = []
    for engine in sorted(_used):
        with _Lock(engine):
            users = _users(engine)
            (users / str(os.getpid())).unlink(missing_ok=True)
            for user in users.iterdir():
                if not user.name.isdigit() or not _alive(int(user.name)):
                    user.unlink(missing_ok=True)
            if not any(users.iterdir()) and _marker(engine).exists():
                _script("stop", engine)
                _marker(engine).unlink()
                stopped.append(engine)
    _used.clear()
    return stopped
