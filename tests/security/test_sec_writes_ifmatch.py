"""Every write path × stale ``If-Match`` → 412, nothing written; plain PUT → 405.

The write paths are enumerated from the component registry
(``sec_writes_services``) for one item of each portal type; "nothing
written" means the database committed no transaction at all and the item's
ETag is the same.
"""

from plone.app.testing import SITE_OWNER_NAME as ADMIN
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from sec_writes_services import write_services
from sec_writes_site import admin_session
from sec_writes_site import create_items
from sec_writes_site import etag_of
from sec_writes_site import JSON
from sec_writes_site import last_transaction
from sec_writes_site import TIMEOUT
from sec_writes_site import token_for

import pytest
import requests
import uuid


STALE_MESSAGE = "a été modifié depuis votre dernière lecture"


@pytest.fixture
def items(functional):
    return create_items(functional["portal"])


def make_stale(session, url: str) -> tuple[str, str]:
    """``(stale, current)``: the item's tag, then its tag after a save."""
    stale = etag_of(session, url)
    saved = session.patch(
        url,
        json={"description": f"Résumé modifié {uuid.uuid4()}"},
        headers=JSON,
        timeout=TIMEOUT,
    )
    assert saved.status_code == 204, saved.text
    current = etag_of(session, url)
    assert current != stale
    return stale, current


def refused_without_writing(portal, session, url, current, *args, **kwargs):
    """Send ``session.request(*args, **kwargs)``: its status, and whether
    nothing at all was written (no transaction, same ETag)."""
    before = last_transaction(portal)
    response = session.request(*args, timeout=TIMEOUT, **kwargs)
    unchanged = last_transaction(portal) == before and etag_of(session, url) == current
    return response.status_code, unchanged


class TestEveryWritePath:
    def test_stale_if_match_is_refused_everywhere(self, functional, items):
        portal = functional["portal"]
        admin = admin_session()
        covered, failures = [], []
        for type_id, item in items.items():
            url = item.absolute_url()
            stale, current = make_stale(admin, url)
            for method, name in write_services(item):
                target = f"{url}/{name}" if name else url
                status, unchanged = refused_without_writing(
                    portal,
                    admin,
                    url,
                    current,
                    method,
                    target,
                    json={},
                    headers={**JSON, "If-Match": stale},
                )
                covered.append((type_id, method, name))
                if status != 412 or not unchanged:
                    failures.append((type_id, method, name or "(item)", status))
        # A Classic form (with its CSRF token) is a write like any other.
        proposal = items["Proposal"]
        stale, current = make_stale(admin, proposal.absolute_url())
        status, unchanged = refused_without_writing(
            portal,
            admin,
            proposal.absolute_url(),
            current,
            "POST",
            f"{proposal.absolute_url()}/content_status_modify",
            data={"workflow_action": "share", "_authenticator": token_for(ADMIN)},
            headers={"If-Match": stale},
        )
        covered.append(("Proposal", "POST", "content_status_modify (Classic)"))
        if status != 412 or not unchanged:
            failures.append(("Proposal", "POST", "content_status_modify", status))
        paths = {(method, name) for _, method, name in covered}
        print(
            f"\n{len(covered)} (type, write service) pairs, {len(paths)} distinct "
            f"services, {len(items)} types: {sorted(paths)}"
        )
        assert {type_id for type_id, _, _ in covered} == set(items)
        # PATCH, DELETE, @workflow, @sharing, @lock… at the very least.
        assert len(paths) >= 15, sorted(paths)
        assert failures == []

    def test_plain_put_is_refused_with_405(self, functional, items):
        """Zope's WebDAV PUT would rewrite the item's fields: refused, any tag."""
        admin = admin_session()
        failures = []
        for type_id, item in items.items():
            url = item.absolute_url()
            stale, current = make_stale(admin, url)
            for if_match in (stale, current, None):
                headers = {"Content-Type": "text/plain"}
                if if_match:
                    headers["If-Match"] = if_match
                response = admin.put(
                    url,
                    data="title: Ecrase par PUT\n\n",
                    headers=headers,
                    timeout=TIMEOUT,
                )
                unchanged = etag_of(admin, url) == current
                title = admin.get(url, headers=JSON, timeout=TIMEOUT).json()["title"]
                if response.status_code != 405 or not unchanged or "PUT" in title:
                    failures.append((type_id, if_match, response.status_code))
                if response.status_code == 405:
                    allowed = response.headers.get("Allow", "")
                    assert "GET" in allowed
                    assert "PUT" not in allowed
                    assert "n'accepte pas" in response.text
        assert failures == []

    @pytest.mark.parametrize(
        ("authenticated", "accept"),
        [(True, "*/*"), (False, "*/*"), (True, "application/json")],
    )
    def test_put_creating_an_item_is_refused(
        self, functional, items, authenticated, accept
    ):
        """A new name, anonymous or not, REST or not: 405 and nothing created."""
        portal = functional["portal"]
        session = admin_session() if authenticated else requests.Session()
        containers = [portal, *(i for i in items.values() if i.isPrincipiaFolderish)]
        for container in containers:
            before = last_transaction(portal)
            response = session.put(
                f"{container.absolute_url()}/nouveau-document",
                data="title: Cree par PUT\n\n",
                headers={"Content-Type": "text/plain", "Accept": accept},
                timeout=TIMEOUT,
            )
            assert response.status_code == 405, response.text[:500]
            assert "n'accepte pas" in response.json()["message"]
            assert last_transaction(portal) == before
            assert "nouveau-document" not in container.objectIds()

    def test_rest_put_services_stay(self, functional, items):
        """plone.restapi's own PUT (``@types`` on the site) is not the refused PUT.

        Asked by a member, who reaches the service and is refused by its
        permission: an administrator's PUT would replace the type's schema,
        and Dexterity's generated schemas live outside the database (no test
        rollback undoes them).
        """
        portal = functional["portal"]
        member = requests.Session()
        member.auth = (TEST_USER_NAME, TEST_USER_PASSWORD)
        response = member.put(
            f"{portal.absolute_url()}/@types/Proposal",
            json={},
            headers=JSON,
            timeout=TIMEOUT,
        )
        assert response.status_code in (401, 403), response.text[:500]


# RFC 9110, 13.1.1: ``If-Match = "*" / #entity-tag``.
SYNTAX_ERRORS = (
    "*, garbage",
    "*, CURRENT",
    "CURRENT, *",
    "garbage",
    "CURRENT garbage",
    "CURRENT CURRENT",
    '"unterminated',
    "W/",
    "W/garbage",
    "w/CURRENT",
    "CURRENT;CURRENT",
    "'single-quoted'",
    "**",
)
# Valid lists that match nothing (empty, weak tags: strong comparison).
MATCH_NOTHING = ("", ",", ", ,", "W/CURRENT", '""')
MATCHES = ("*", "*\t", "CURRENT", '"stale", CURRENT', ", CURRENT ,", None)


class TestMalformedIfMatch:
    """Anything but ``*`` alone or a list of entity tags never matches."""

    def test_refused_without_writing(self, functional, items):
        portal = functional["portal"]
        admin = admin_session()
        url = items["Proposal"].absolute_url()
        current = etag_of(admin, url)
        answers = {
            header: refused_without_writing(
                portal,
                admin,
                url,
                current,
                "PATCH",
                url,
                json={"title": "Titre conditionnel"},
                headers={**JSON, "If-Match": header.replace("CURRENT", current)},
            )
            for header in (*SYNTAX_ERRORS, *MATCH_NOTHING)
        }
        expected = {
            **dict.fromkeys(SYNTAX_ERRORS, (400, True)),
            **dict.fromkeys(MATCH_NOTHING, (412, True)),
        }
        assert answers == expected

    def test_valid_match_saves(self, functional, items):
        admin = admin_session()
        url = items["Proposal"].absolute_url()
        for number, header in enumerate(MATCHES):
            current = etag_of(admin, url)
            value = header.replace("CURRENT", current) if header else header
            response = admin.patch(
                url,
                json={"title": f"Titre conditionnel {number}"},
                headers={**JSON, **({"If-Match": value} if value else {})},
                timeout=TIMEOUT,
            )
            assert response.status_code == 204, (header, response.text)
            title = admin.get(url, headers=JSON, timeout=TIMEOUT).json()["title"]
            assert title == f"Titre conditionnel {number}"

    def test_error_messages_are_french(self, functional, items):
        admin = admin_session()
        url = items["Proposal"].absolute_url()
        for header, status, words in (
            ("*, garbage", 400, "L'en-tête If-Match est invalide"),
            ('"ancien"', 412, STALE_MESSAGE),
        ):
            response = admin.patch(
                url,
                json={"title": "Refusé"},
                headers={**JSON, "If-Match": header},
                timeout=TIMEOUT,
            )
            assert response.status_code == status
            assert words in response.json()["message"]
