"""docs/sync.md's procedure, followed by an anonymous client over HTTP.

Cursor first, full sync, then the feed: the mirror ends equal to a fresh full
sync, although items were created, edited, moved, retracted, published and
deleted before, during and after the full sync.
"""

from plone import api
from sync_http import ANONYMOUS
from sync_http import head_cursor
from sync_http import read_feed
from sync_http import session_for
from zope.lifecycleevent import modified

import transaction


REMOVALS = {"deleted", "removed"}


def full_sync(session, url: str) -> dict[str, str]:
    """Every item the reader may see, by UID: its path (step 2)."""
    mirror = {}
    next_url = f"{url}/@search?metadata_fields=UID&b_size=2&sort_on=path"
    while next_url:
        page = session.get(next_url, timeout=60).json()
        for item in page["items"]:
            mirror[item["UID"]] = item["@id"].removeprefix(url)
        next_url = page.get("batching", {}).get("next")
    return mirror


def apply_feed(session, url: str, mirror: dict, cursor: str) -> str:
    """Steps 3 and 4: fetch what changed, drop what went; the last cursor."""
    items, cursor = read_feed(session, url, cursor, b_size=2)
    for item in items:
        if item["kind"] in REMOVALS:
            mirror.pop(item["UID"], None)
            continue
        fetched = session.get(item["@id"], timeout=60)
        assert fetched.status_code == 200, item
        mirror[fetched.json()["UID"]] = item["path"]
    return cursor


def change(portal, action) -> None:
    with api.env.adopt_roles(["Manager"]):
        action(portal)
    transaction.commit()


def transition(item_id: str, name: str):
    return lambda p: api.content.transition(obj=p["f"][item_id], transition=name)


def edit(item_id: str):
    def action(portal):
        portal["f"][item_id].title = "Modifié"
        modified(portal["f"][item_id])

    return action


def test_feed_after_full_sync_equals_a_fresh_full_sync(functional):
    portal = functional["portal"]
    api.portal.get_tool("portal_workflow").setChainForPortalTypes(
        ("Document", "Folder"), "simple_publication_workflow"
    )
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="f", title="F")
        api.content.transition(obj=folder, transition="publish")
        for item_id in ("a", "b", "c", "d", "e"):
            doc = api.content.create(folder, "Document", id=item_id, title=item_id)
            if item_id != "e":
                api.content.transition(obj=doc, transition="publish")
    transaction.commit()
    url = portal.absolute_url()
    client = session_for(ANONYMOUS)

    cursor = head_cursor(client, url)  # step 1
    change(portal, lambda p: api.content.rename(obj=p["f"]["a"], new_id="a2"))
    mirror = full_sync(client, url)  # step 2
    change(portal, transition("b", "retract"))
    change(portal, transition("e", "publish"))
    change(portal, lambda p: api.content.delete(obj=p["f"]["c"]))
    change(portal, lambda p: api.content.create(p["f"], "Document", id="n", title="N"))
    change(portal, transition("n", "publish"))
    change(portal, edit("d"))
    cursor = apply_feed(client, url, mirror, cursor)  # steps 3 and 4
    change(portal, lambda p: api.content.move(source=p["f"]["d"], target=p))

    apply_feed(client, url, mirror, cursor)  # the next poll
    assert mirror == full_sync(client, url)
    assert set(mirror.values()) == {"", "/f", "/f/a2", "/f/e", "/f/n", "/d"}
