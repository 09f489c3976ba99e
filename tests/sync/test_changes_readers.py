"""Every kind of change × anonymous, another association, the author, a coordinator.

The oracle is the catalog: what each reader finds with a search before and
after the change decides what the feed must tell it (the change itself when
it sees the item both times, ``created`` when it gains sight, ``removed`` or
``deleted`` when it loses it, nothing when it never sees it). The change is
made over HTTP where plone.restapi offers it, and the feed read over HTTP.
"""

from AccessControl.SpecialUsers import nobody
from dataclasses import dataclass
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from sync_helpers import TOKEN_A
from sync_http import ANONYMOUS
from sync_http import head_cursor
from sync_http import read_feed
from sync_http import session_for

import pytest
import transaction


READERS = (ANONYMOUS, "bruno", "alice", "carole")
PATHS = {
    "draft": (),
    "shared": ("share",),
    "submitted": ("submit",),
    "validated": ("submit", "validate"),
}


def make_proposal(site, state: str, item_id: str = "p"):
    """A proposal of association A brought to ``state``, committed."""
    with api.env.adopt_roles(["Manager"]):
        proposal = api.content.create(
            site.measure, "Proposal", id=item_id, title="P", associations=[TOKEN_A]
        )
        for transition in PATHS[state]:
            api.content.transition(obj=proposal, transition=transition)
    transaction.commit()
    return proposal


def post(username: str, url: str, payload: dict | None = None, method="POST"):
    response = session_for(username).request(method, url, json=payload, timeout=60)
    assert response.status_code < 300, response.text
    return response


def create(site, item):
    text = {"data": "<p>Texte</p>", "content-type": "text/html"}
    payload = {"@type": "Proposal", "title": "Nouvelle", "text": text}
    return post("alice", site.measure.absolute_url(), payload).json()["UID"]


def edit(site, item):
    post(SITE_OWNER_NAME, item.absolute_url(), {"title": "Modifiée"}, "PATCH")


def transition(name: str, username: str = "carole"):
    def change(site, item):
        payload = {"comment": "Motif du renvoi."}
        post(username, f"{item.absolute_url()}/@workflow/{name}", payload)

    return change


def rename(site, item):
    with api.env.adopt_roles(["Manager"]):
        api.content.rename(obj=site.measure[item.getId()], new_id="renommee")
    transaction.commit()


def move(site, item):
    # The target measure exists before the readers take their cursors.
    target = site.measure.aq_parent["m2"].absolute_url()
    post(SITE_OWNER_NAME, f"{target}/@move", {"source": item.absolute_url()})


def delete(site, item):
    post(SITE_OWNER_NAME, item.absolute_url(), method="DELETE")


def share_with_bruno(reader: bool):
    def change(site, item):
        entries = [{"id": "bruno", "type": "user", "roles": {"Reader": reader}}]
        post(SITE_OWNER_NAME, f"{item.absolute_url()}/@sharing", {"entries": entries})

    return change


@dataclass
class Scenario:
    state: str | None  # the proposal before the change; None: nothing yet
    change: object
    kind: str  # what a reader that sees the item before and after is told
    shows: set  # kinds the oracle must produce for some reader (a sanity check)
    granted: bool = False  # bruno holds Reader on the item before the change


TRANSITIONED = {"transition"}
SCENARIOS = {
    "created": Scenario(None, create, "created", {"created"}),
    "modified-draft": Scenario("draft", edit, "modified", {"modified"}),
    "modified-validated": Scenario("validated", edit, "modified", {"modified"}),
    "submitted": Scenario(
        "draft", transition("submit", "alice"), "transition", {*TRANSITIONED, "created"}
    ),
    "validated": Scenario(
        "submitted", transition("validate"), "transition", {*TRANSITIONED, "created"}
    ),
    "returned-to-draft": Scenario(
        "validated", transition("return_to_draft"), "transition", {"removed"}
    ),
    "retracted": Scenario(
        "shared", transition("retract", "alice"), "transition", {"removed"}
    ),
    "renamed": Scenario("validated", rename, "moved", {"moved"}),
    "moved": Scenario("validated", move, "moved", {"moved"}),
    "deleted-validated": Scenario("validated", delete, "deleted", {"deleted"}),
    "deleted-draft": Scenario("draft", delete, "deleted", {"deleted"}),
    "local-role-granted": Scenario(
        "draft", share_with_bruno(True), "security", {"security", "created"}
    ),
    "local-role-removed": Scenario(
        "draft", share_with_bruno(False), "security", {"security", "removed"}, True
    ),
}


def catalog_finds(username: str, uid: str) -> bool:
    """The oracle: does a catalog search by this reader find the item?"""
    transaction.abort()  # see what the server committed
    if username == ANONYMOUS:
        with api.env.adopt_user(user=nobody):
            return bool(api.content.find(UID=uid))
    with api.env.adopt_user(username=username):
        return bool(api.content.find(UID=uid))


def expected_kind(scenario: Scenario, before: bool, after: bool) -> str | None:
    if before and after:
        return scenario.kind
    if after:
        return "created"
    if before:
        return "deleted" if scenario.kind == "deleted" else "removed"
    return None


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_reader_is_told_what_it_may_see(sync_site, name):
    scenario = SCENARIOS[name]
    item = uid = None
    with api.env.adopt_roles(["Manager"]):
        chapter = sync_site.measure.aq_parent
        api.content.create(chapter, "Measure", id="m2", number=2, title="M2")
    if scenario.state is not None:
        item = make_proposal(sync_site, scenario.state)
        uid = item.UID()
        if scenario.granted:
            share_with_bruno(True)(sync_site, item)
    before = {r: uid is not None and catalog_finds(r, uid) for r in READERS}
    cursors = {r: head_cursor(session_for(r), sync_site.url) for r in READERS}
    path_before = site_path(sync_site, item)
    result = scenario.change(sync_site, item)
    uid = uid or result
    expected = {
        r: expected_kind(scenario, before[r], catalog_finds(r, uid)) for r in READERS
    }
    assert scenario.shows <= set(expected.values()), expected
    paths = (path_before, site_path(sync_site, api.content.get(UID=uid)))
    for reader in READERS:
        items, _ = read_feed(session_for(reader), sync_site.url, cursors[reader])
        assert {i["UID"] for i in items} <= {uid}, (reader, items)
        assert [i["kind"] for i in items] == (
            [expected[reader]] if expected[reader] else []
        ), (reader, items)
        for found in items:
            assert_paths(found, *paths)


def site_path(site, obj) -> str | None:
    """The path of ``obj`` below the site root, as the feed gives it."""
    if obj is None:
        return None
    return "/".join(obj.getPhysicalPath()).removeprefix(site.portal.absolute_url_path())


def assert_paths(found: dict, before: str | None, after: str | None) -> None:
    """A tombstone has the path the reader knew; a move has both paths."""
    if found["kind"] in ("removed", "deleted"):
        assert found["path"] == before
        assert "review_state" not in found
        return
    assert found["path"] == after
    assert found["@id"].endswith(after)
    if found["kind"] == "moved":
        assert found["old_path"] == before != after
    else:
        assert "old_path" not in found
