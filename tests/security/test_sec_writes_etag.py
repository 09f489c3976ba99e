"""The writes the portal uses work with a current ``If-Match``; the ETag
changes with what they change (so that a stale tag is detected), except a
lock and a comment, which leave the item as it was (docs/co-editing.md)."""

from plone import api
from plone.app.discussion.interfaces import IConversation
from sec_writes_site import admin_session
from sec_writes_site import create_items
from sec_writes_site import create_user
from sec_writes_site import etag_of
from sec_writes_site import JSON
from sec_writes_site import TIMEOUT
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES

import pytest
import transaction


@pytest.fixture
def items(functional):
    items = create_items(functional["portal"])
    create_user("partage")
    transaction.commit()
    return items


def first_comment_path(item) -> str:
    transaction.begin()
    (comment_id,) = IConversation(item).keys()
    return f"@comments/{comment_id}"


def sharing_body(session, url: str) -> dict:
    """Give ``partage`` the first role the sharing page offers."""
    answer = session.get(f"{url}/@sharing", headers=JSON, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    role = answer.json()["available_roles"][0]["id"]
    return {"entries": [{"id": "partage", "type": "user", "roles": {role: True}}]}


def status_body(item) -> dict:
    """An implementation status other than the measure's, with its reason."""
    current = getattr(item, "implementation_status", None)
    status = next(token for token, _ in IMPLEMENTATION_STATUSES if token != current)
    return {"status": status, "comment": "Avancement constaté en réunion."}


# (write, portal type, method, path, body, whether the ETag changes)
WRITES = [
    ("save", "Proposal", "PATCH", "", {"title": "Nouveau titre"}, True),
    ("transition", "Proposal", "POST", "@workflow/share", {}, True),
    ("sharing", "Proposal", "POST", "@sharing", sharing_body, True),
    ("status", "Measure", "POST", "@implementation-status", status_body, True),
    ("lock", "Proposal", "POST", "@lock", {}, False),
    ("comment", "Proposal", "POST", "@comments", {"text": "Un avis."}, False),
    ("delete", "Circular", "DELETE", "", None, None),
]


def body_for(body, session, item):
    if body is sharing_body:
        return body(session, item.absolute_url())
    if body is status_body:
        return body(item)
    return body


@pytest.mark.parametrize(
    ("write", "portal_type", "method", "path", "body", "changes"),
    WRITES,
    ids=[write[0] for write in WRITES],
)
def test_write_with_current_tag(
    functional, items, write, portal_type, method, path, body, changes
):
    admin = admin_session()
    item = items[portal_type]
    url = item.absolute_url()
    tag = etag_of(admin, url)
    response = admin.request(
        method,
        f"{url}/{path}" if path else url,
        json=body_for(body, admin, item),
        headers={**JSON, "If-Match": tag},
        timeout=TIMEOUT,
    )
    assert response.status_code in (200, 201, 204), response.text[:1000]
    if changes is None:  # deleted
        assert admin.get(url, headers=JSON, timeout=TIMEOUT).status_code == 404
        return
    assert (etag_of(admin, url) != tag) is changes


def test_lock_refresh_and_unlock_with_current_tag(functional, items):
    admin = admin_session()
    url = items["Proposal"].absolute_url()
    tag = etag_of(admin, url)
    for method in ("POST", "PATCH", "DELETE"):
        response = admin.request(
            method,
            f"{url}/@lock",
            json={},
            headers={**JSON, "If-Match": tag},
            timeout=TIMEOUT,
        )
        assert response.status_code == 200, (method, response.text)
        assert response.json()["locked"] is (method != "DELETE")
    assert etag_of(admin, url) == tag


def test_comment_delete_with_current_tag(functional, items):
    admin = admin_session()
    item = items["Proposal"]
    url = item.absolute_url()
    posted = admin.post(
        f"{url}/@comments", json={"text": "Premier avis."}, headers=JSON, timeout=60
    )
    assert posted.status_code == 204, posted.text
    comment = f"{url}/{first_comment_path(item)}"
    tag = etag_of(admin, url)
    stale = admin.delete(comment, headers={**JSON, "If-Match": '"ancien"'}, timeout=60)
    assert stale.status_code == 412, stale.text
    deleted = admin.delete(comment, headers={**JSON, "If-Match": tag}, timeout=60)
    assert deleted.status_code == 204, deleted.text
    transaction.begin()
    assert len(IConversation(item)) == 0


def test_sharing_by_another_user_makes_the_tag_stale(functional, items):
    """Two coordinators on the sharing page: the second one's tag is stale."""
    admin = admin_session()
    item = items["Proposal"]
    url = item.absolute_url()
    tag = etag_of(admin, url)
    body = sharing_body(admin, url)
    first = admin.post(
        f"{url}/@sharing", json=body, headers={**JSON, "If-Match": tag}, timeout=60
    )
    assert first.status_code == 204, first.text
    body["entries"][0]["roles"] = dict.fromkeys(body["entries"][0]["roles"], False)
    second = admin.post(
        f"{url}/@sharing", json=body, headers={**JSON, "If-Match": tag}, timeout=60
    )
    assert second.status_code == 412, second.text
    transaction.begin()
    assert api.user.get_roles(username="partage", obj=item, inherit=False) != []
