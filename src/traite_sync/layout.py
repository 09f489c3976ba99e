"""The mirror directory: where an item's files go, and how they are written.

An item at ``/a/b`` (its path below the site) is ``<dir>/a/b.json`` (its
plone.restapi representation) and ``<dir>/a/b.akn.xml`` (its Akoma Ntoso
document); the items inside it are under ``<dir>/a/b/``. The client's own
files are in ``<dir>/.traite-sync/``, which no item path can reach (a path
segment starting with a dot is refused). Every file is written to a temporary
file in ``.traite-sync/tmp/`` (same file system), flushed to disk (fsync), then
renamed over the target, and the directory is flushed: a reader, or a run
killed at any moment, sees the old file or the new one, never a part.
"""

from pathlib import Path
from traite_sync.exits import Exit
from traite_sync.exits import SyncError

import os
import secrets
import shutil


STATE_DIR = ".traite-sync"
TMP_DIR = "tmp"
JSON_SUFFIX = ".json"
AKN_SUFFIX = ".akn.xml"
FORBIDDEN = ("/", "\\", "\0")


def segments(path: str) -> list[str]:
    """The segments of an item path (``/a/b``), refusing what could escape."""
    parts = path.strip("/").split("/")
    for part in parts:
        if not part or part.startswith(".") or any(c in part for c in FORBIDDEN):
            raise SyncError(
                Exit.PORTAL, f"chemin d'élément refusé (hors du miroir) : {path!r}"
            )
    return parts


def item_files(root: Path, path: str) -> tuple[Path, Path]:
    """The JSON and Akoma Ntoso files of the item at ``path``."""
    *parents, name = segments(path)
    folder = root.joinpath(*parents)
    return folder / f"{name}{JSON_SUFFIX}", folder / f"{name}{AKN_SUFFIX}"


def tmp_dir(root: Path) -> Path:
    """Where files are written before they are renamed into place."""
    return root / STATE_DIR / TMP_DIR


def clear_tmp(root: Path) -> None:
    """Forget the temporary files a killed run left (never renamed: incomplete)."""
    shutil.rmtree(tmp_dir(root), ignore_errors=True)
    tmp_dir(root).mkdir(parents=True, exist_ok=True)


def fsync_dir(folder: Path) -> None:
    """Flush a directory's entries (a rename, a new file) to disk."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def make_dirs(root: Path, folder: Path) -> None:
    """Create ``folder`` and its missing parents, each entry flushed to disk."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        fsync_dir(new.parent)


def holds(target: Path, data: bytes) -> bool:
    """True when ``target`` already holds ``data`` (nothing to write)."""
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except FileNotFoundError:
        return False


def _replace(root: Path, target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` atomically unless it holds it already."""
    if holds(target, data):
        return False
    temporary = tmp_dir(root) / secrets.token_hex(8)
    # 0o666 minus the umask, as any file the user creates.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True


def write_item(root: Path, path: str, json_data: bytes, akn: bytes | None) -> None:
    """Write an item's files: the Akoma Ntoso document first, the JSON last."""
    json_file, akn_file = item_files(root, path)
    try:
        make_dirs(root, json_file.parent)
        changed = False
        if akn is None:
            if akn_file.exists():
                akn_file.unlink()
                changed = True
        else:
            changed = _replace(root, akn_file, akn)
        changed = _replace(root, json_file, json_data) or changed
        if changed:
            fsync_dir(json_file.parent)
    except OSError as error:
        raise local_error(error) from None


def write_akn(root: Path, path: str, akn: bytes) -> None:
    """Replace an item's Akoma Ntoso document alone."""
    akn_file = item_files(root, path)[1]
    try:
        make_dirs(root, akn_file.parent)
        if _replace(root, akn_file, akn):
            fsync_dir(akn_file.parent)
    except OSError as error:
        raise local_error(error) from None


def remove_item(root: Path, path: str) -> None:
    """Remove an item's files, then the directories this leaves empty."""
    try:
        files = item_files(root, path)
    except SyncError:
        return  # never written: a refused path has no files
    try:
        for file in files:
            file.unlink(missing_ok=True)
        folder = files[0].parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
        fsync_dir(folder if folder.is_dir() else root)
    except OSError as error:
        raise local_error(error) from None


def local_error(error: OSError) -> SyncError:
    """A file-system failure as the command reports it."""
    return SyncError(
        Exit.LOCAL,
        f"écriture impossible dans le miroir : {error.strerror} ({error.filename})",
    )
