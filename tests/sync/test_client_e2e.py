"""traite-sync end to end: the console script against the corpus portal over HTTP.

A first sync, then an edit, a deletion, a move (a library renamed, with its
texts) and a retraction, each followed by an incremental sync; a full sync
killed with SIGKILL and resumed without downloading again what it had
written; a cursor the portal no longer serves (410) starts a full sync
again that keeps the files; each time the directory equals a fresh full sync.
A progress bar on a terminal; credentials checked before anything is written.
"""

from plone import api
from sync_client import assert_same_mirror
from sync_client import change
from sync_client import file_of
from sync_client import mirrored_json
from sync_client import owner_args
from sync_client import owner_env
from sync_client import snapshot
from sync_client import STATE_DIR
from sync_client import summary_counts
from sync_client import sync_env
from sync_client import synced
from sync_client import TRAITE_SYNC
from sync_client import traite_sync
from traite_sync.fullsync import JSON_BATCH
from zope.lifecycleevent import modified

import fcntl
import json
import lxml.etree
import os
import pty
import re
import requests
import signal
import sqlite3
import struct
import subprocess
import termios
import time


def visible_items(portal) -> set[str]:
    """The paths an anonymous reader finds in the catalog (not the site)."""
    site = "/".join(portal.getPhysicalPath())
    with api.env.adopt_roles(["Anonymous"]):
        brains = api.content.find(context=portal)
    return {b.getPath().removeprefix(site) for b in brains} - {""}


def first_measure(portal):
    brains = api.content.find(portal_type="Measure", sort_on="path", sort_limit=1)
    return brains[0].getObject()


class TestAnonymousMirror:
    def test_edits_deletion_move_retraction(self, corpus_functional, tmp_path):
        portal = corpus_functional["portal"]
        url = portal.absolute_url()
        mirror = tmp_path / "miroir"
        texts = portal["textes"]

        counts = synced(url, mirror)
        files = mirrored_json(mirror)
        assert {file_of(path) for path in visible_items(portal)} == set(files)
        assert counts == {"total": len(files), "écrits": len(files)}
        assert synced(url, mirror) == {"total": len(files)}  # nothing new

        measure = first_measure(portal)
        path = "/" + "/".join(measure.getPhysicalPath()[2:])

        def edit():
            measure.title = "Mesure modifiée par le test"
            modified(measure)

        change(edit)
        assert synced(url, mirror)["écrits"] >= 1
        assert mirrored_json(mirror)[file_of(path)]["title"] == measure.title
        plan_akn = (mirror / "plan-action-2010.akn.xml").read_text()
        assert measure.title in plan_akn  # the plan's document holds it

        change(lambda: api.content.delete(texts["droit-national"]["ord-45-174"]))
        assert synced(url, mirror)["supprimés"] == 1
        assert "textes/droit-national/ord-45-174.json" not in mirrored_json(mirror)

        change(lambda: api.content.rename(texts["jurisprudence"], "arrets"))
        synced(url, mirror)
        files = mirrored_json(mirror)
        assert not (mirror / "textes" / "jurisprudence").exists()
        assert not any(name.startswith("textes/jurisprudence") for name in files)
        assert "textes/arrets/cedh-rantsev-2010.json" in files

        text = texts["droit-europeen"]["dir-2011-36-ue"]
        change(lambda: api.content.transition(obj=text, transition="reject"))
        assert synced(url, mirror)["supprimés"] == 1
        assert not (
            mirror / "textes" / "droit-europeen" / "dir-2011-36-ue.json"
        ).exists()

        assert_same_mirror(url, mirror, tmp_path / "neuf")


def wait_for_files(directory, count: int, process) -> None:
    """Until ``directory`` holds ``count`` JSON files (the run still going)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert process.poll() is None, "the sync ended before it could be killed"
        if len(list(directory.rglob("*.json"))) >= count:
            return
        time.sleep(0.05)
    raise AssertionError("no files written")


class TestKilledSync:
    def test_kill_9_then_resume(self, corpus_functional, tmp_path):
        portal = corpus_functional["portal"]
        url = portal.absolute_url()
        mirror = tmp_path / "miroir"
        process = subprocess.Popen(
            [str(TRAITE_SYNC), url, str(mirror), *owner_args(), "--workers", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=owner_env(),
        )
        try:
            # Past the first batch: some items are recorded when it dies.
            wait_for_files(mirror, JSON_BATCH + 15, process)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
        assert process.returncode == -signal.SIGKILL
        # Atomic writes: every file the killed run left is whole.
        written = snapshot(mirror)
        for path, data in written.items():
            if path.endswith(".json"):
                json.loads(data)
            else:
                lxml.etree.fromstring(data)
        with sqlite3.connect(mirror / STATE_DIR / "state.sqlite") as state:
            recorded = {row[0] for row in state.execute("SELECT path FROM items")}
        texts = portal["textes"]
        change(
            lambda: api.content.delete(
                texts["conventions"]["un-crc-1989"], check_linkintegrity=False
            )
        )

        counts = synced(url, mirror, *owner_args(), env=owner_env())
        kept = sum(1 for path in written if path.endswith(".json"))
        # What the killed run recorded is kept, not downloaded again (but the
        # text deleted meanwhile, its library, modified by the deletion, and
        # a few items the deletion may touch); the files it wrote and had not
        # recorded yet are at most the batch being written (one worker).
        changed = {"/textes/conventions/un-crc-1989", "/textes/conventions"}
        assert len(recorded - changed) > 0
        assert counts["inchangés"] >= len(recorded - changed) - 3
        assert kept - len(recorded) <= JSON_BATCH
        assert counts["écrits"] < counts["total"]
        assert not list((mirror / STATE_DIR / "tmp").iterdir())
        assert_same_mirror(
            url, mirror, tmp_path / "neuf", *owner_args(), env=owner_env()
        )


class TestAuthentication:
    def test_user_password_jwt_and_token(self, corpus_functional, tmp_path):
        portal = corpus_functional["portal"]
        url = portal.absolute_url()

        def draft():
            api.content.create(
                portal["textes"]["droit-national"], "NationalText", id="projet"
            )

        change(draft)
        draft_file = "textes/droit-national/projet.json"
        synced(url, tmp_path / "basic", *owner_args(), env=owner_env())
        assert draft_file in mirrored_json(tmp_path / "basic")
        synced(url, tmp_path / "anonyme")
        assert draft_file not in mirrored_json(tmp_path / "anonyme")

        # The mirror keeps its user: another one needs --full.
        other = traite_sync(url, tmp_path / "basic")
        assert other.returncode == 2, other.stderr
        assert "reprenez les mêmes options, ou ajoutez --full" in other.stderr
        synced(url, tmp_path / "basic", "--full")
        assert snapshot(tmp_path / "basic") == snapshot(tmp_path / "anonyme")

        synced(url, tmp_path / "basic", *owner_args(), "--full", env=owner_env())
        synced(url, tmp_path / "jwt", *owner_args(), "--jwt", env=owner_env())
        assert snapshot(tmp_path / "jwt") == snapshot(tmp_path / "basic")

        login = {
            "login": owner_args()[1],
            "password": owner_env()["TRAITE_SYNC_PASSWORD"],
        }
        token = requests.post(
            f"{url}/@login",
            json=login,
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()["token"]
        synced(url, tmp_path / "jeton", env=sync_env(TRAITE_SYNC_TOKEN=token))
        assert snapshot(tmp_path / "jeton") == snapshot(tmp_path / "basic")

    def test_refused_credentials_write_nothing(self, corpus_functional, tmp_path):
        url = corpus_functional["portal"].absolute_url()
        wrong = traite_sync(
            url,
            tmp_path / "m",
            *owner_args(),
            env=sync_env(TRAITE_SYNC_PASSWORD="mauvais"),
        )
        assert wrong.returncode == 4, wrong.stderr
        assert "Erreur : identifiant ou mot de passe refusé" in wrong.stderr
        bad_token = traite_sync(
            url, tmp_path / "t", env=sync_env(TRAITE_SYNC_TOKEN="a.b.c")
        )
        assert bad_token.returncode == 4, bad_token.stderr
        assert snapshot(tmp_path / "m") == snapshot(tmp_path / "t") == {}


def on_terminal(args: list[str], env) -> str:
    """Run a command with its stderr on a terminal; what it wrote there."""
    master, terminal = pty.openpty()
    # A terminal of 24 lines by 100 columns (a new one has no size).
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert process.wait(timeout=600) == 0
    return b"".join(chunks).decode("utf-8", errors="replace")


class TestProgressBar:
    def test_progress_bar_on_a_terminal_only(self, corpus_functional, tmp_path):
        url = corpus_functional["portal"].absolute_url()
        shown = on_terminal([str(TRAITE_SYNC), url, str(tmp_path / "m")], sync_env())
        assert re.search(r"Synchronisation complète: +\d+%\|", shown), shown
        assert re.search(r"\d+/\d+ \[", shown)
        again = traite_sync(url, tmp_path / "neuf")  # stderr is a pipe: no bar
        assert again.returncode == 0
        assert again.stderr == ""


class TestCursorGone:
    def test_410_starts_a_full_sync_again(self, corpus_functional, tmp_path):
        portal = corpus_functional["portal"]
        url = portal.absolute_url()
        mirror = tmp_path / "miroir"
        total = synced(url, mirror)["total"]
        # A cursor ahead of the log's head: as after a restore of an older backup.
        with sqlite3.connect(mirror / STATE_DIR / "state.sqlite") as db:
            (cursor,) = db.execute(
                "SELECT value FROM meta WHERE key = 'cursor'"
            ).fetchone()
            log_id, _, seq = cursor.rpartition("-")
            db.execute(
                "UPDATE meta SET value = ? WHERE key = 'cursor'",
                (f"{log_id}-{int(seq) + 1000}",),
            )
        texts = portal["textes"]
        change(lambda: api.content.delete(texts["droit-national"]["ord-45-174"]))
        done = traite_sync(url, mirror)
        assert done.returncode == 0, done.stderr
        assert "(410, plus ancien que sa rétention) : resynchronisation complète" in (
            done.stderr
        )
        counts = summary_counts(done.stdout)
        assert done.stdout.startswith("Synchronisation complète terminée")
        assert counts["total"] == total - 1
        assert counts["supprimés"] == 1
        assert counts["inchangés"] >= total - 5  # the files were kept
        assert_same_mirror(url, mirror, tmp_path / "neuf")
