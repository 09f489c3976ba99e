"""The OpenSearch server of ``make bench-search``, and the portal pointed at it.

The server is started by the project's own script (``scripts/search_server.py``:
downloaded once under ``.cache/search/``, run as a non-root user) unless it
already answers; ``opensearch()`` stops it afterwards only if it started it
(a server the tests or ``make search-server`` started is left alone). The
benchmark's indexes carry a prefix of their own and are dropped at the end.
"""

from contextlib import contextmanager
from pathlib import Path
from traite_portal.search.backends.server.engines import get_engine
from traite_portal.search.backends.server.engines import ServerError
from traite_portal.search.backends.server.engines import ServerUnavailable
from traite_portal.search.backends.server.settings import ENVIRONMENT
from traite_portal.search.backends.server.settings import ServerSettings

import os
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "search_server.py"
ENGINE = "opensearch"
# Generous: a timeout would make the catalog answer, and the bench refuses
# such answers (it measures the server or nothing).
TIMEOUT = 60.0


def _script(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode:
        raise RuntimeError(
            f"{SCRIPT.name} {' '.join(args)}: {done.stdout}{done.stderr}"
        )
    return done.stdout


@contextmanager
def opensearch():
    """A running OpenSearch (settings with the bench's own index prefix)."""
    started = "démarrage" in _script("start", ENGINE)
    settings = ServerSettings(
        url=_script("url", ENGINE).strip(),
        engine=ENGINE,
        index_prefix=f"bench{os.getpid()}",
        timeout=TIMEOUT,
    )
    try:
        yield settings
    finally:
        try:
            drop_indexes(settings)
        finally:
            if started:
                _script("stop", ENGINE)


def drop_indexes(settings: ServerSettings) -> None:
    """Delete the indexes of this benchmark run (said, not raised, when the
    server cannot: the error that stopped the bench matters more)."""
    engine = get_engine(settings)
    try:
        for name in engine.indices(f"{settings.index_prefix}-*"):
            engine.delete_index(name)
    except (ServerUnavailable, ServerError) as error:
        print(
            f"Index {settings.index_prefix}-* non supprimés : {error}", file=sys.stderr
        )


def use(settings: ServerSettings | None) -> None:
    """Make the portal (this process and its WSGI threads) search ``settings``'
    server, or its catalog when None."""
    for name, variable in ENVIRONMENT.items():
        if settings is None:
            os.environ.pop(variable, None)
        else:
            os.environ[variable] = str(getattr(settings, name))
