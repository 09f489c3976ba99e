"""Open a mirror directory: create it, lock it, and open its state.

A directory that holds files but no ``.traite-sync/`` is refused: pointing
the command at one's home directory must not fill it with the portal. One run
at a time per directory (an exclusive ``flock`` on ``.traite-sync/lock``,
released by the system when the process ends, even killed).
"""

from contextlib import contextmanager
from pathlib import Path
from traite_sync.exits import Exit
from traite_sync.exits import SyncError
from traite_sync.layout import clear_tmp
from traite_sync.layout import STATE_DIR
from traite_sync.state import State

import fcntl
import os


STATE_FILE = "state.sqlite"
LOCK_FILE = "lock"


@contextmanager
def open_mirror(root: Path):
    """The mirror's state, with the directory locked for this run."""
    private = root / STATE_DIR
    try:
        if root.exists() and not private.is_dir() and any(root.iterdir()):
            raise SyncError(
                Exit.USAGE,
                f"le répertoire {root} n'est pas vide et n'est pas un miroir "
                "traite-sync : choisissez un répertoire vide ou nouveau",
            )
        private.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = os.open(private / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise SyncError(
            Exit.LOCAL, f"répertoire inutilisable : {error.strerror} ({error.filename})"
        ) from None
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncError(
                Exit.LOCAL,
                f"un autre traite-sync travaille déjà sur {root} : attendez sa fin",
            ) from None
        clear_tmp(root)
        state = State(private / STATE_FILE)
        try:
            yield state
        finally:
            state.close()
    finally:
        os.close(lock)
