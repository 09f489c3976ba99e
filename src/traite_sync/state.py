"""The client's state: ``.traite-sync/state.sqlite`` (SQLite, standard library).

It holds the options the mirror was made with, the feed's cursor (and the ETag
of the last poll), where an interrupted full sync stands, and one row per
mirrored item: path, type, modification date, review state, ETag, whether it
has an Akoma Ntoso file, and the items its JSON refers to. Each change is a
transaction committed after the files it describes are on disk, so a run
killed at any moment leaves the state as it was before or after one item:
never corrupt, never ahead of the files.
"""

from dataclasses import astuple
from dataclasses import dataclass
from pathlib import Path
from traite_sync.exits import Exit
from traite_sync.exits import SyncError

import json
import sqlite3


FORMAT = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    uid TEXT PRIMARY KEY, path TEXT NOT NULL, portal_type TEXT NOT NULL,
    modified TEXT, review_state TEXT, etag TEXT, akn INTEGER NOT NULL,
    generation INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS items_path ON items (path);
CREATE TABLE IF NOT EXISTS links (
    source TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (source, target));
CREATE INDEX IF NOT EXISTS links_target ON links (target);
"""
COLUMNS = "uid, path, portal_type, modified, review_state, etag, akn"


@dataclass(frozen=True)
class Record:
    """What the state knows of one mirrored item."""

    uid: str
    path: str
    portal_type: str
    modified: str | None
    review_state: str | None
    etag: str | None
    akn: bool


def _record(row: tuple) -> Record:
    return Record(*row[:6], bool(row[6]))


class State:
    """The state database of one mirror directory."""

    def __init__(self, file: Path) -> None:
        try:
            self.db = sqlite3.connect(file, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL with NORMAL: a commit survives a killed process; a power
            # cut may lose the last commits (files are then fetched again).
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self.db.execute("BEGIN")
        except sqlite3.DatabaseError as error:
            raise SyncError(Exit.LOCAL, f"état illisible ({file}) : {error}") from None

    def commit(self) -> None:
        """Make what was written since the last commit durable."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def close(self) -> None:
        """Drop what was not committed, and close the database."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()

    def get(self, key: str, default: str | None = None) -> str | None:
        """A value of the ``meta`` table (options, cursors, generation)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def put(self, key: str, value: str | None) -> None:
        """Set a value of the ``meta`` table (None removes it)."""
        if value is None:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    def options(self) -> dict | None:
        """The options the mirror was made with (None: a new mirror)."""
        text = self.get("options")
        return json.loads(text) if text else None

    def item(self, uid: str) -> Record | None:
        """What the state knows of the item ``uid`` (None: not mirrored)."""
        row = self.db.execute(
            f"SELECT {COLUMNS} FROM items WHERE uid = ?", (uid,)
        ).fetchone()
        return _record(row) if row else None

    def record(self, record: Record, refs: set[str], generation: int) -> None:
        """Store an item written at ``record.path``; another item there is gone."""
        self.db.execute(
            "UPDATE items SET path = '' WHERE path = ? AND uid != ?",
            (record.path, record.uid),
        )
        self.db.execute(
            f"INSERT OR REPLACE INTO items ({COLUMNS}, generation) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*astuple(record)[:6], int(record.akn), generation),
        )
        self.db.execute("DELETE FROM links WHERE source = ?", (record.uid,))
        self.db.executemany(
            "INSERT INTO links (source, target) VALUES (?, ?)",
            [(record.uid, target) for target in sorted(refs)],
        )

    def mark_seen(self, uid: str, generation: int) -> None:
        """The full sync of ``generation`` listed the item, unchanged."""
        self.db.execute(
            "UPDATE items SET generation = ? WHERE uid = ?", (generation, uid)
        )

    def forget(self, uid: str) -> None:
        """The item is no longer mirrored."""
        self.db.execute("DELETE FROM items WHERE uid = ?", (uid,))
        self.db.execute("DELETE FROM links WHERE source = ?", (uid,))

    def unseen(self, generation: int) -> list[Record]:
        """Items a full sync of ``generation`` did not list: gone meanwhile."""
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM items WHERE generation != ?", (generation,)
        ).fetchall()
        return [_record(row) for row in rows]

    def at_paths(self, paths: set[str]) -> list[Record]:
        """The items mirrored at ``paths``."""
        found = []
        for path in sorted(paths):
            rows = self.db.execute(
                f"SELECT {COLUMNS} FROM items WHERE path = ?", (path,)
            ).fetchall()
            found.extend(_record(row) for row in rows)
        return found

    def under(self, path: str) -> list[Record]:
        """The items below ``path`` (its descendants), by path range."""
        # "0" is the character after "/": the range holds exactly "<path>/…".
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM items WHERE path > ? AND path < ?",
            (f"{path}/", f"{path}0"),
        ).fetchall()
        return [_record(row) for row in rows]

    def referrers(self, uids: set[str]) -> list[Record]:
        """The items whose JSON refers to one of ``uids`` (relations)."""
        found = {}
        for uid in sorted(uids):
            rows = self.db.execute(
                f"SELECT {', '.join('i.' + c for c in COLUMNS.split(', '))} "
                "FROM links l JOIN items i ON i.uid = l.source WHERE l.target = ?",
                (uid,),
            ).fetchall()
            for row in rows:
                found[row[0]] = _record(row)
        return list(found.values())

    def count(self) -> int:
        """How many items the mirror holds."""
        return self.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
