"""@webhooks over the real WSGI server: who may register, what comes back
(never the secret), changes, deletion, and each user's own subscriptions."""

from AccessControl.Permission import getPermissionIdentifier
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from sync_helpers import create_user
from sync_http import ANONYMOUS
from sync_http import session_for
from traite_portal.changelog import consumers
from traite_portal.webhooks.store import all_subscriptions
from webhooks_helpers import register
from webhooks_helpers import SECRET

import pytest
import transaction


MANAGE_WEBHOOKS = "traite_portal: Manage webhooks"


def roles_with_permission(portal) -> set[str]:
    """The roles the site grants « Manage webhooks » to (from its rolemap)."""
    attribute = getPermissionIdentifier(MANAGE_WEBHOOKS)
    return set(getattr(portal, attribute, ()))


@pytest.fixture
def role_users(webhooks_site):
    """One user per global role of the site (``role-<Role>``), and the roles."""
    portal = webhooks_site.portal
    roles = [r for r in portal.validRoles() if r not in ("Anonymous", "Owner")]
    with api.env.adopt_roles(["Manager"]):
        for role in roles:
            create_user(f"role-{role}".replace(" ", "_"))
            if role != "Authenticated":
                api.user.grant_roles(
                    username=f"role-{role}".replace(" ", "_"), roles=[role]
                )
    transaction.commit()
    return roles


class TestWhoMayRegister:
    def test_every_role(self, webhooks_site, role_users):
        """Each global role of the site: allowed exactly when the rolemap says."""
        allowed = roles_with_permission(webhooks_site.portal)
        assert allowed == {
            "Coordinator",
            "Manager",
            "Site Administrator",
            "WebhookClient",
        }
        url = webhooks_site.receiver.url
        for role in role_users:
            username = f"role-{role}".replace(" ", "_")
            response = session_for(username).post(
                f"{webhooks_site.url}/@webhooks",
                json={"url": url, "secret": SECRET},
                timeout=60,
            )
            expected = 201 if role in allowed else 401
            assert response.status_code == expected, (role, response.text)
            listing = session_for(username).get(f"{webhooks_site.url}/@webhooks")
            assert listing.status_code == (200 if role in allowed else 401), role
        transaction.abort()
        owners = sorted(s.owner for s in all_subscriptions(webhooks_site.portal))
        assert owners == sorted(
            f"role-{role}".replace(" ", "_") for role in role_users if role in allowed
        )

    @pytest.mark.parametrize("username", [ANONYMOUS, "alice", "bruno"])
    def test_refused_and_nothing_stored(self, webhooks_site, username):
        body = {"url": webhooks_site.receiver.url, "secret": SECRET}
        response = session_for(username).post(
            f"{webhooks_site.url}/@webhooks", json=body, timeout=60
        )
        assert response.status_code in (401, 403), response.text
        transaction.abort()
        assert all_subscriptions(webhooks_site.portal) == []

    def test_coordinator_and_client(self, webhooks_site):
        url = webhooks_site.receiver.url
        for username in ("carole", "client"):
            answer = register(username, webhooks_site.url, url=url, title=username)
            assert answer["owner"] == username
            assert answer["url"] == url
            assert answer["secret_set"] is True


class TestSecretNeverReturned:
    def test_no_answer_holds_it(self, webhooks_site):
        site_url, session = webhooks_site.url, session_for("carole")
        created = session.post(
            f"{site_url}/@webhooks",
            json={"url": webhooks_site.receiver.url, "secret": SECRET},
            timeout=60,
        )
        item = created.json()["@id"]
        assert created.headers["Location"] == item
        new_secret = "un-autre-secret-tres-long"
        patched = session.patch(item, json={"secret": new_secret}, timeout=60)
        assert patched.status_code == 204
        answers = [
            created,
            patched,
            session.get(f"{site_url}/@webhooks", timeout=60),
            session.get(item, timeout=60),
            session.get(f"{item}/deliveries", timeout=60),
            session_for(SITE_OWNER_NAME).get(f"{site_url}/@webhooks", timeout=60),
        ]
        for answer in answers:
            assert answer.status_code < 300, answer.text
            assert SECRET not in answer.text
            assert new_secret not in answer.text
            assert "secret" not in (answer.json() if answer.text else {})
        transaction.abort()
        (subscription,) = all_subscriptions(webhooks_site.portal)
        assert subscription.secret == new_secret


class TestChangeAndDelete:
    def test_patch_with_if_match(self, webhooks_site):
        session = session_for("carole")
        item = register("carole", webhooks_site.url, url=webhooks_site.receiver.url)
        url = item["@id"]
        first = session.get(url, timeout=60)
        etag = first.headers["ETag"]
        changed = session.patch(
            url, json={"kinds": ["created"]}, headers={"If-Match": etag}, timeout=60
        )
        assert changed.status_code == 204
        assert session.get(url, timeout=60).json()["kinds"] == ["created"]
        stale = session.patch(
            url, json={"active": False}, headers={"If-Match": etag}, timeout=60
        )
        assert stale.status_code == 412
        assert (
            "modifié depuis votre dernière lecture" in stale.json()["error"]["message"]
        )
        assert session.get(url, timeout=60).json()["active"] is True

    def test_delete_forgets_the_consumer(self, webhooks_site):
        session = session_for("carole")
        item = register("carole", webhooks_site.url, url=webhooks_site.receiver.url)
        consumer = f"webhook-{item['id']}"
        transaction.abort()
        assert consumer in consumers.log_of(webhooks_site.portal).consumers
        assert session.delete(item["@id"], timeout=60).status_code == 204
        assert session.get(item["@id"], timeout=60).status_code == 404
        transaction.abort()
        assert consumer not in consumers.log_of(webhooks_site.portal).consumers


class TestOwnSubscriptions:
    def test_each_sees_their_own_administrators_all(self, webhooks_site):
        url = webhooks_site.receiver.url
        mine = register("carole", webhooks_site.url, url=url)
        theirs = register("client", webhooks_site.url, url=url)
        listing = session_for("client").get(f"{webhooks_site.url}/@webhooks").json()
        assert [item["id"] for item in listing["items"]] == [theirs["id"]]
        for method in ("get", "patch", "delete"):
            answer = session_for("client").request(
                method, mine["@id"], json={} if method == "patch" else None
            )
            assert answer.status_code == 404, method
            assert "Webhook introuvable" in answer.json()["error"]["message"]
        admin = session_for(SITE_OWNER_NAME).get(f"{webhooks_site.url}/@webhooks")
        assert {item["id"] for item in admin.json()["items"]} == {
            mine["id"],
            theirs["id"],
        }
