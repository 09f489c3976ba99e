"""A deletion removes files a killed run wrote but had not recorded yet.

``traite-sync`` records an item in its state once its files are on disk; a
``kill -9`` between the two leaves files the state does not know. When that
item is then deleted on the portal, the feed's tombstone (with the item's
last path) must still remove them: the mirror ends as a fresh full sync.
"""

from plone import api
from sync_client import assert_same_mirror
from sync_client import change
from sync_client import owner_args
from sync_client import owner_env
from sync_client import STATE_DIR
from sync_client import synced

import sqlite3


def test_tombstone_removes_files_written_before_a_kill(corpus_functional, tmp_path):
    portal = corpus_functional["portal"]
    url = portal.absolute_url()
    mirror = tmp_path / "miroir"
    synced(url, mirror, *owner_args(), env=owner_env())
    library = portal["textes"]["conventions"]
    text = library["un-crc-1989"]
    json_file = mirror / "textes" / "conventions" / "un-crc-1989.json"
    assert json_file.exists()
    # The state a kill leaves between writing the files and recording them.
    with sqlite3.connect(mirror / STATE_DIR / "state.sqlite") as state:
        state.execute("DELETE FROM items WHERE uid = ?", (text.UID(),))
    change(lambda: api.content.delete(text, check_linkintegrity=False))

    synced(url, mirror, *owner_args(), env=owner_env())

    assert not json_file.exists()
    assert not json_file.with_name("un-crc-1989.akn.xml").exists()
    assert_same_mirror(url, mirror, tmp_path / "neuf", *owner_args(), env=owner_env())
