"""A delivery carries only what its owner may see, at the time it is sent.

Three owners: a coordinator (sees drafts), association B's member with the
WebhookClient role (sees shared proposals, not drafts) and a client account
(sees what is public). Association A drafts, shares and retracts a
proposal; what each webhook gets is what @changes gives its owner.
"""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from sync_helpers import TOKEN_A
from sync_http import read_feed
from sync_http import session_for
from webhooks_helpers import received_items
from webhooks_helpers import register
from webhooks_helpers import settled
from webhooks_helpers import wait_until

import transaction


OWNERS = ("carole", "bruno", "client")


def post(username: str, url: str, payload: dict) -> dict:
    response = session_for(username).post(url, json=payload, timeout=60)
    assert response.status_code < 300, response.text
    transaction.abort()
    return response.json() if response.text else {}


def test_draft_never_reaches_who_may_not_see_it(webhooks_site, worker):
    portal, site_url = webhooks_site.portal, webhooks_site.url
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="bruno", roles=["WebhookClient"])
    transaction.commit()
    hooks = {u: register(u, site_url, url=webhooks_site.receiver.url) for u in OWNERS}
    since = session_for(SITE_OWNER_NAME).get(f"{site_url}/@changes").json()["cursor"]
    measure_url = webhooks_site.site.measure.absolute_url()
    text = {"data": "<p>Brouillon</p>", "content-type": "text/html"}
    proposal = post(
        "alice",
        measure_url,
        {"@type": "Proposal", "title": "P", "text": text, "associations": [TOKEN_A]},
    )
    for transition in ("share", "retract"):
        post("alice", f"{proposal['@id']}/@workflow/{transition}", {})
    wait_until(lambda: settled(portal, *(h["id"] for h in hooks.values())))
    kinds = {}
    for owner, hook in hooks.items():
        got = received_items(webhooks_site.receiver, hook["id"])
        assert got == read_feed(session_for(owner), site_url, since)[0], owner
        kinds[owner] = [i["kind"] for i in got if i["UID"] == proposal["UID"]]
    assert kinds == {
        "carole": ["created", "transition", "transition"],
        "bruno": ["created", "removed"],  # sees it while shared only
        "client": [],  # a draft and a shared proposal are not public
    }


def test_owner_without_permission_gets_nothing(webhooks_site, worker):
    portal, site_url = webhooks_site.portal, webhooks_site.url
    hook = register("client", site_url, url=webhooks_site.receiver.url)
    with api.env.adopt_roles(["Manager"]):
        api.user.revoke_roles(username="client", roles=["WebhookClient"])
        api.content.create(portal, "Document", id="public", title="Public")
    transaction.commit()
    answer = wait_until(
        lambda: session_for(SITE_OWNER_NAME).get(hook["@id"]).json()["problem"]
    )
    assert answer == (
        "Le propriétaire « client » n'a plus le droit de gérer des webhooks : "
        "rien n'est envoyé."
    )
    assert webhooks_site.receiver.received == []
    # Given back the permission, it gets what waited.
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="client", roles=["WebhookClient"])
    transaction.commit()
    (received,) = webhooks_site.receiver.wait_for(1)
    assert [i["path"] for i in received.json["items"]] == ["/public"]


def test_delivery_log_is_its_owners(webhooks_site, worker):
    """The log (and « renvoyer ») of a webhook is its owner's and the site
    administrators': another account with the permission gets a 404."""
    portal, site_url = webhooks_site.portal, webhooks_site.url
    hook = register("carole", site_url, url=webhooks_site.receiver.url)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(portal, "Document", id="public", title="Public")
    transaction.commit()
    (received,) = webhooks_site.receiver.wait_for(1)
    wait_until(lambda: settled(portal, hook["id"]))
    log_url = f"{hook['@id']}/deliveries"
    resend_url = f"{log_url}/{received.delivery}/resend"
    # bruno, a plain association member, may not manage webhooks at all.
    assert session_for("bruno").get(log_url, timeout=60).status_code == 401
    answer = session_for("client").get(log_url, timeout=60)
    assert answer.status_code == 404, answer.text
    assert session_for("client").post(resend_url, timeout=60).status_code == 404
    for username in ("carole", SITE_OWNER_NAME):
        answer = session_for(username).get(log_url, timeout=60)
        assert answer.status_code == 200, username
        (entry,) = answer.json()["items"]
        assert (entry["id"], entry["status"]) == (received.delivery, "delivered")
        assert entry["status_title"] == "réussi"
        assert entry["changes"] == [
            {"kind": "created", "path": "/public", "UID": entry["changes"][0]["UID"]}
        ]


def test_zope_administrator_owns_webhooks(webhooks_site, worker):
    """The Zope root's administrator (not a user of the site: the account
    `make site` creates) registers a webhook: its deliveries go, and no
    problem is reported (it used to be « n'existe plus », nothing sent)."""
    receiver = webhooks_site.receiver
    hook = register(SITE_OWNER_NAME, webhooks_site.url, url=receiver.url)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(webhooks_site.portal, "Document", id="brouillon")
    transaction.commit()
    received = receiver.wait_for(1)[0]
    assert [i["path"] for i in received.json["items"]] == ["/brouillon"]
    answer = session_for(SITE_OWNER_NAME).get(hook["@id"], timeout=60).json()
    assert answer["problem"] is None
