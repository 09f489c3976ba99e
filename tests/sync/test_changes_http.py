"""``@changes`` over HTTP: head cursor, paging, scope, ETag/304, bad input, 410."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from sync_helpers import log_of
from sync_http import ANONYMOUS
from sync_http import head_cursor
from sync_http import read_feed
from sync_http import session_for
from traite_portal.changelog.retention import prune
from traite_portal.changelog.storage import ANNOTATION_KEY
from zope.annotation.interfaces import IAnnotations

import pytest
import time
import transaction


@pytest.fixture
def site(functional):
    """A published folder ``pub`` and a private one ``priv``, committed."""
    portal = functional["portal"]
    api.portal.get_tool("portal_workflow").setChainForPortalTypes(
        ("Document", "Folder"), "simple_publication_workflow"
    )
    with api.env.adopt_roles(["Manager"]):
        for folder_id in ("pub", "priv"):
            api.content.create(portal, "Folder", id=folder_id, title=folder_id)
        api.content.transition(obj=portal["pub"], transition="publish")
    transaction.commit()
    return portal


def publish_documents(container, *ids: str, transition: str | None = "publish"):
    """Documents created and published, one transaction each."""
    with api.env.adopt_roles(["Manager"]):
        for item_id in ids:
            doc = api.content.create(container, "Document", id=item_id, title=item_id)
            if transition:
                api.content.transition(obj=doc, transition=transition)
            transaction.commit()


def get(username: str, url: str, **params):
    return session_for(username).get(f"{url}/@changes", params=params, timeout=60)


class TestHeadAndPaging:
    def test_without_since_the_head_cursor(self, site):
        response = get(ANONYMOUS, site.absolute_url())
        assert response.status_code == 200
        log = log_of(site)
        assert response.json() == {
            "@id": f"{site.absolute_url()}/@changes",
            "cursor": f"{log.log_id}-{log.head}",
            "items": [],
        }

    def test_pages_follow_next_links_in_commit_order(self, site):
        cursor = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        publish_documents(site["pub"], "a", "b", "c", "d", "e")
        session = session_for(ANONYMOUS)
        first = session.get(
            f"{site.absolute_url()}/@changes",
            params={"since": cursor, "b_size": "2"},
            timeout=60,
        ).json()
        assert [i["path"] for i in first["items"]] == ["/pub/a", "/pub/b"]
        assert first["cursor"] == first["items"][-1]["cursor"]
        assert "since=" + first["cursor"] in first["batching"]["next"]
        assert "b_size=2" in first["batching"]["next"]
        items, last = read_feed(session, site.absolute_url(), cursor, b_size=2)
        assert [i["path"] for i in items] == [f"/pub/{x}" for x in "abcde"]
        assert {i["kind"] for i in items} == {"created"}
        assert last == head_cursor(session, site.absolute_url())
        again, same = read_feed(session, site.absolute_url(), last)
        assert (again, same) == ([], last)

    def test_invisible_entries_are_skipped_but_passed(self, site):
        cursor = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        publish_documents(site["priv"], "x", "y", transition=None)
        items, last = read_feed(session_for(ANONYMOUS), site.absolute_url(), cursor)
        assert items == []
        assert last == head_cursor(session_for(ANONYMOUS), site.absolute_url())
        items, _ = read_feed(session_for(SITE_OWNER_NAME), site.absolute_url(), cursor)
        assert [i["path"] for i in items] == ["/priv/x", "/priv/y"]


class TestScope:
    def test_folder_feed_and_moves_across_its_border(self, site):
        folder_url = site["pub"].absolute_url()
        cursor = head_cursor(session_for(ANONYMOUS), folder_url)
        publish_documents(site, "outside")
        publish_documents(site["pub"], "inside")
        with api.env.adopt_roles(["Manager"]):
            api.content.move(source=site["outside"], target=site["pub"])
            transaction.commit()
            api.content.move(source=site["pub"]["inside"], target=site)
            transaction.commit()
        items, _ = read_feed(session_for(ANONYMOUS), folder_url, cursor)
        assert [(i["kind"], i["path"]) for i in items] == [
            ("created", "/pub/inside"),
            ("created", "/pub/outside"),  # moved in: new to this feed
            ("removed", "/pub/inside"),  # moved out: gone from this feed
        ]

    def test_portal_type_filter(self, site):
        cursor = head_cursor(session_for(SITE_OWNER_NAME), site.absolute_url())
        publish_documents(site["pub"], "doc")
        with api.env.adopt_roles(["Manager"]):
            api.content.create(site["pub"], "Folder", id="sub", title="Sub")
        transaction.commit()
        items, _ = read_feed(
            session_for(SITE_OWNER_NAME),
            site.absolute_url(),
            cursor,
            portal_type=["Folder", "Link"],
        )
        assert [i["path"] for i in items] == ["/pub/sub"]

    def test_private_folder_feed_is_refused(self, site):
        response = get(ANONYMOUS, site["priv"].absolute_url())
        assert response.status_code == 401


class TestETag:
    def test_unchanged_page_is_304(self, site):
        session = session_for(ANONYMOUS)
        cursor = head_cursor(session, site.absolute_url())
        url = f"{site.absolute_url()}/@changes"
        empty = session.get(url, params={"since": cursor}, timeout=60)
        etag = empty.headers["ETag"]
        assert etag.startswith('"')
        assert empty.headers["Cache-Control"] == "private, no-cache"
        again = session.get(
            url, params={"since": cursor}, headers={"If-None-Match": etag}, timeout=60
        )
        assert (again.status_code, again.content) == (304, b"")
        publish_documents(site["pub"], "a")
        changed = session.get(
            url, params={"since": cursor}, headers={"If-None-Match": etag}, timeout=60
        )
        assert changed.status_code == 200
        assert changed.headers["ETag"] != etag
        assert [i["path"] for i in changed.json()["items"]] == ["/pub/a"]

    def test_readers_get_different_tags(self, site):
        cursor = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        tags = {
            get(user, site.absolute_url(), since=cursor).headers["ETag"]
            for user in (ANONYMOUS, SITE_OWNER_NAME)
        }
        assert len(tags) == 2


class TestBadInput:
    @pytest.mark.parametrize(
        "params",
        [
            {"since": "n-importe-quoi"},
            {"since": ""},
            {"since": ["a", "b"]},
            {"since": "abcdefabcdef-x1"},
        ],
    )
    def test_bad_cursor_is_400_in_french(self, site, params):
        response = get(ANONYMOUS, site.absolute_url(), **params)
        assert response.status_code == 400
        assert response.json()["error"]["type"] == "BadRequest"
        assert "n'est pas un curseur valide" in response.json()["error"]["message"]

    @pytest.mark.parametrize("size", ["0", "-1", "x", "1001"])
    def test_bad_page_size_is_400(self, site, size):
        cursor = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        response = get(ANONYMOUS, site.absolute_url(), since=cursor, b_size=size)
        assert response.status_code == 400
        assert "b_size" in response.json()["error"]["message"]

    def test_unknown_type_is_400(self, site):
        cursor = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        response = get(ANONYMOUS, site.absolute_url(), since=cursor, portal_type="X")
        assert response.status_code == 400
        assert "Type de contenu inconnu" in response.json()["error"]["message"]

    def test_cursor_of_another_log_or_of_the_future_is_410(self, site):
        log = log_of(site)
        for cursor in ("abcdefabcdef-0", f"{log.log_id}-{log.head + 1}"):
            response = get(ANONYMOUS, site.absolute_url(), since=cursor)
            assert response.status_code == 410

    def test_pruned_cursor_is_410_resync(self, site):
        cursor = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        publish_documents(site["pub"], "a")
        prune(log_of(site), now=time.time() + 31 * 86400)
        transaction.commit()
        response = get(ANONYMOUS, site.absolute_url(), since=cursor)
        assert response.status_code == 410
        assert response.json()["error"]["type"] == "Gone"
        assert "Resynchronisez tout" in response.json()["error"]["message"]
        fresh = head_cursor(session_for(ANONYMOUS), site.absolute_url())
        assert get(ANONYMOUS, site.absolute_url(), since=fresh).status_code == 200

    def test_site_without_log_is_503(self, site):
        del IAnnotations(site)[ANNOTATION_KEY]
        transaction.commit()
        response = get(ANONYMOUS, site.absolute_url())
        assert response.status_code == 503
        assert "étape 1008" in response.json()["error"]["message"]
