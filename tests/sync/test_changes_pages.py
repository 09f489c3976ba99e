"""Pages and readers on a log built by hand (no site: the rules themselves)."""

from traite_portal.changelog.feed import read_page
from traite_portal.changelog.records import Change
from traite_portal.changelog.records import CREATED
from traite_portal.changelog.records import DELETED
from traite_portal.changelog.records import MODIFIED
from traite_portal.changelog.records import SCHEDULE
from traite_portal.changelog.records import Visibility
from traite_portal.changelog.storage import ChangeLog
from traite_portal.changelog.visibility import kind_for
from traite_portal.changelog.visibility import Scope
from traite_portal.changelog.visibility import Viewer

import pytest


PUBLIC = Visibility(("Anonymous",), None, None)
PRIVATE = Visibility(("Manager", "user:alice"), None, None)
ANONYMOUS = Viewer(frozenset({"Anonymous"}), sees_inactive=False)
ALICE = Viewer(frozenset({"Authenticated", "Anonymous", "user:alice"}), False)


def change(kinds, after=PUBLIC, before=None, path="/d", old_path=None, when=100.0):
    return Change(
        0, when, "uid-d", kinds, path, old_path, "Document", "published", when,
        after, before, None if before is None else when - 1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("entry", "viewer", "expected"),
    [
        (change(CREATED), ANONYMOUS, "created"),
        (change(CREATED, after=PRIVATE), ANONYMOUS, None),
        (change(MODIFIED, before=PUBLIC), ANONYMOUS, "modified"),
        (change(MODIFIED, after=PRIVATE, before=PUBLIC), ANONYMOUS, "removed"),
        (change(MODIFIED, after=PRIVATE, before=PUBLIC), ALICE, "modified"),
        (change(MODIFIED, after=PUBLIC, before=PRIVATE), ANONYMOUS, "created"),
        (change(DELETED, after=None, before=PUBLIC), ANONYMOUS, "deleted"),
        (change(DELETED, after=None, before=PRIVATE), ANONYMOUS, None),
        # Before unknown (an item older than the log): never a removal.
        (change(MODIFIED, after=PRIVATE), ANONYMOUS, None),
        (change(MODIFIED, after=PUBLIC), ANONYMOUS, "modified"),
        # A date reached that changes nothing for this reader.
        (change(SCHEDULE, before=PUBLIC), ANONYMOUS, None),
        # Dates are evaluated at the time of the entry.
        (
            change(CREATED, after=Visibility(("Anonymous",), 150.0, None)),
            ANONYMOUS,
            None,
        ),  # fmt: skip
        (
            change(CREATED, after=Visibility(("Anonymous",), None, 50.0)),
            ANONYMOUS,
            None,
        ),  # fmt: skip
        (
            change(CREATED, after=Visibility(("Anonymous",), 150.0, None)),
            Viewer(frozenset({"Anonymous"}), True),
            "created",
        ),  # fmt: skip
    ],
)
def test_what_a_reader_is_told(entry, viewer, expected):
    assert kind_for(entry, viewer) == expected


def test_scope_by_folder_and_type():
    moved_out = change(8 | MODIFIED, before=PUBLIC, path="/b/d", old_path="/a/d")
    assert kind_for(moved_out, ANONYMOUS, Scope("/a")) == "removed"
    assert kind_for(moved_out, ANONYMOUS, Scope("/b")) == "created"
    assert kind_for(moved_out, ANONYMOUS, Scope(None)) == "moved"
    assert kind_for(moved_out, ANONYMOUS, Scope("/a/d")) == "removed"
    assert kind_for(moved_out, ANONYMOUS, Scope("/a/dd")) is None
    assert kind_for(moved_out, ANONYMOUS, Scope(None, frozenset({"Folder"}))) is None


def test_a_page_scans_a_bounded_number_of_entries():
    log = ChangeLog()
    for number in range(10):
        log.append(change(CREATED, after=PRIVATE, path=f"/p{number}"))
    log.append(change(CREATED, path="/public"))
    page = read_page(log, 0, ANONYMOUS, size=2, scan_limit=4)
    assert (page.items, page.cursor, page.more) == ([], 4, True)
    page = read_page(log, page.cursor, ANONYMOUS, size=5, scan_limit=100)
    assert [item.change.path for item in page.items] == ["/public"]
    assert (page.cursor, page.more) == (11, False)
    assert read_page(log, 11, ANONYMOUS) == ([], 11, False)
