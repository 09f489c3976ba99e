"""Deliveries as a receiver gets them: signed (checked by the documented
snippet), the feed's items for the owner, filtered by types, folder, kinds."""

from pathlib import Path
from plone import api
from sync_http import read_feed
from sync_http import session_for
from webhooks_helpers import received_items
from webhooks_helpers import register
from webhooks_helpers import SECRET
from webhooks_helpers import settled
from webhooks_helpers import wait_until

import re
import transaction


DOC = Path(__file__).resolve().parents[3] / "docs" / "sync.md"


def documented_verify():
    """The ``verify`` function of docs/sync.md, as a receiver would paste it."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    (snippet,) = [block for block in blocks if "def verify(" in block]
    namespace: dict = {}
    exec(snippet, namespace)  # noqa: S102 - the documentation's own code
    return namespace["verify"]


def head_cursor(site_url: str, username: str) -> str:
    cursor = session_for(username).get(f"{site_url}/@changes").json()["cursor"]
    transaction.abort()
    return cursor


def make_changes(portal, measure) -> None:
    """A document at the root, a measure in the chapter, the document deleted."""
    with api.env.adopt_roles(["Manager"]):
        document = api.content.create(portal, "Document", id="doc", title="D")
        transaction.commit()
        api.content.create(
            measure.aq_parent, "Measure", id="m2", title="Mesure 2", number=2
        )
        transaction.commit()
        api.content.delete(document)
        transaction.commit()


class TestSignature:
    def test_documented_snippet_verifies(self, webhooks_site, worker):
        receiver = webhooks_site.receiver
        item = register("carole", webhooks_site.url, url=receiver.url)
        since = head_cursor(webhooks_site.url, "carole")
        with api.env.adopt_roles(["Manager"]):
            api.content.create(webhooks_site.portal, "Document", id="d", title="D")
        transaction.commit()
        (received,) = receiver.wait_for(1)
        verify = documented_verify()
        signature = received.headers["X-Traite-Signature"]
        assert verify(SECRET, received.body, signature)
        assert not verify(SECRET, received.body + b" ", signature)
        assert not verify("un-autre-secret-de-16", received.body, signature)
        old = int(received.headers["X-Traite-Timestamp"]) - 3600
        stale = signature.replace(f"t={old + 3600}", f"t={old}")
        assert not verify(SECRET, received.body, stale)
        assert received.headers["Content-Type"] == "application/json"
        assert received.headers["X-Traite-Subscription"] == item["id"]
        payload = received.json
        assert received.delivery == payload["delivery"]
        feed, cursor = read_feed(session_for("carole"), webhooks_site.url, since)
        assert payload["items"] == feed
        assert payload["since"] == since
        assert payload["cursor"] == cursor


class TestFilters:
    def test_types_folder_kinds(self, webhooks_site, worker):
        """Each webhook gets what @changes gives its owner with the same
        filter: types and folder through the feed's own parameters."""
        site_url, url = webhooks_site.url, webhooks_site.receiver.url
        chapter = "/plan/ch"
        hooks = {
            "types": register("carole", site_url, url=url, portal_types=["Document"]),
            "folder": register("carole", site_url, url=url, folder=chapter),
            "kinds": register("carole", site_url, url=url, kinds=["deleted"]),
            "all": register("carole", site_url, url=url),
        }
        since = head_cursor(site_url, "carole")
        make_changes(webhooks_site.portal, webhooks_site.site.measure)
        wait_until(
            lambda: settled(webhooks_site.portal, *(h["id"] for h in hooks.values()))
        )
        session = session_for("carole")
        expected = {
            "types": read_feed(session, site_url, since, portal_type="Document")[0],
            "folder": read_feed(session, site_url + chapter, since)[0],
            "kinds": [
                i
                for i in read_feed(session, site_url, since)[0]
                if i["kind"] == "deleted"
            ],
            "all": read_feed(session, site_url, since)[0],
        }
        for name, hook in hooks.items():
            got = received_items(webhooks_site.receiver, hook["id"])
            assert got == expected[name], name
            assert got, name
        kinds = [i["kind"] for i in expected["all"]]
        assert kinds == ["created", "created", "deleted"]
