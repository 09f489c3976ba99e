"""The Makefile's targets of issue 10 run as a developer runs them: ``make i18n``
leaves an up-to-date catalogue unchanged, ``make chromium`` installs Chromium
(``make bench`` is run by tests/commands/test_docs_readme.py)."""

from pathlib import Path
from traite_portal.locales.catalogue import PO_FILE

import os
import subprocess


ROOT = Path(__file__).resolve().parents[2]


def make(target: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", target],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )


def test_make_i18n_keeps_the_catalogue():
    before = PO_FILE.read_bytes()
    done = make("i18n")
    assert done.returncode == 0, done.stderr
    assert "messages →" in done.stdout
    assert PO_FILE.read_bytes() == before, "run `make i18n` and commit the .po"


def test_make_chromium():
    """Installs Debian's Chromium as root (quick when present), or says how."""
    done = make("chromium")
    assert done.returncode == 0, done.stderr
    assert Path("/usr/bin/chromium").exists() or "Chromium absent" in done.stderr
