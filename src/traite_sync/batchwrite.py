"""Several items' files written at once, each atomically, flushed together.

Writing item by item flushes each file and its directory to disk before the
next: three flushes per item, each waiting for the disk (about 9 ms on a
shared machine), and the worker that writes does not ask the portal for
anything meanwhile. A batch keeps the guarantees (a reader, or a run killed
at any moment, sees the old file or the new one; an item's state is
committed only once its files are on disk) with fewer waits: every file is
written to ``.traite-sync/tmp/``, all are flushed, renamed into place (an
item's Akoma Ntoso document before its JSON, as ``layout.write_item``), and
each directory is flushed once.
"""

from pathlib import Path
from traite_sync.layout import fsync_dir
from traite_sync.layout import holds
from traite_sync.layout import item_files
from traite_sync.layout import local_error
from traite_sync.layout import make_dirs
from traite_sync.layout import tmp_dir

import os
import secrets


def _stage(root: Path, data: bytes) -> Path:
    """A temporary file holding ``data``, flushed by the caller."""
    temporary = tmp_dir(root) / secrets.token_hex(8)
    # 0o666 minus the umask, as any file the user creates.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return temporary


def _flush(file: Path) -> None:
    descriptor = os.open(file, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _stage_item(root: Path, item: tuple, moves: list, folders: set) -> None:
    """Stage an item's files that change (document first), in ``moves``."""
    path, json_data, akn = item
    json_file, akn_file = item_files(root, path)
    make_dirs(root, json_file.parent)
    if akn is None:
        if akn_file.exists():
            akn_file.unlink()
            folders.add(akn_file.parent)
    elif not holds(akn_file, akn):
        moves.append((_stage(root, akn), akn_file))
    if not holds(json_file, json_data):
        moves.append((_stage(root, json_data), json_file))


def write_items(root: Path, items: list[tuple[str, bytes, bytes | None]]) -> None:
    """Write ``(path, JSON, document or None)`` of each item; on return every
    file is on disk. A document None removes the item's document file."""
    moves: list[tuple[Path, Path]] = []  # (temporary, target), in order
    folders: set[Path] = set()
    try:
        for item in items:
            _stage_item(root, item, moves, folders)
        # The disk groups these flushes: most find their file already written.
        for temporary, _ in moves:
            _flush(temporary)
        for temporary, target in moves:
            os.replace(temporary, target)
            folders.add(target.parent)
        moves.clear()  # all renamed: no temporary file left to remove
        for folder in sorted(folders):
            fsync_dir(folder)
    except OSError as error:
        raise local_error(error) from None
    finally:
        for temporary, _ in moves:
            temporary.unlink(missing_ok=True)
