"""WebDAV is off: every method Zope's WebDAV answers is a 405 with a French message.

The outside tester's ``PROPFIND`` (Depth 0) on a hidden item answered 207
with its title to any logged-in user (issue 7, point 5). plone.restapi's
``@lock`` service, which is not WebDAV, keeps working.
"""

from sec_views_http import FIXTURES
from sec_views_http import item_urls
from sec_views_site import session_as
from sec_views_site import TIMEOUT
from sec_views_site import unique_word
from sec_views_site import VIEWS_SITE_FUNCTIONAL
from traite_portal.security.webdav import ALLOWED_METHODS
from traite_portal.security.webdav import WEBDAV_METHODS
from webdav.Resource import Resource

import pytest


globals().update(FIXTURES)

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
DRAFT = ("Circular", "draft")
# What Zope's WebDAV resource answers besides plain HTTP (PUT is not
# WebDAV-only: the portal's handling of it is in security/writes.zcml).
ZOPE_WEBDAV = set(Resource.__http_methods__) - {
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "DELETE",
    "OPTIONS",
}
LOGINS = [None, "sec-member", "sec-author", "sec-siteadministrator"]


@pytest.fixture(scope="class")
def targets(views_site) -> dict:
    urls = item_urls(views_site)
    return {
        "draft": urls[DRAFT],
        "published": urls["Circular", "published"],
        "root": views_site.absolute_url(),
    }


def test_every_webdav_method_of_zope_is_refused():
    assert ZOPE_WEBDAV
    assert ZOPE_WEBDAV <= WEBDAV_METHODS


class TestWebDAVOff:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    @pytest.mark.parametrize("method", sorted(WEBDAV_METHODS))
    @pytest.mark.parametrize("login", LOGINS)
    def test_method_is_not_allowed(self, targets, method, login):
        session = session_as(login)
        for name, url in targets.items():
            response = session.request(
                method, url, headers={"Depth": "0"}, timeout=TIMEOUT
            )
            assert response.status_code == 405, (name, response.status_code)
            assert response.headers["Allow"] == ALLOWED_METHODS
            assert "n'est pas disponible sur ce portail" in response.text
            assert unique_word(*DRAFT) not in response.text

    def test_propfind_answers_json_to_a_rest_client(self, targets):
        response = session_as("sec-member").request(
            "PROPFIND",
            targets["draft"],
            headers={"Depth": "0", "Accept": "application/json"},
            timeout=TIMEOUT,
        )
        assert response.status_code == 405
        assert response.json()["type"] == "MethodNotAllowed"
        assert "PROPFIND" in response.json()["message"]

    def test_options_does_not_announce_webdav(self, targets):
        session = session_as("sec-siteadministrator")
        response = session.options(targets["root"], timeout=TIMEOUT)
        assert response.status_code == 200
        assert response.headers["Allow"] == ALLOWED_METHODS
        assert "DAV" not in response.headers


class TestRestLockStillWorks:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    def test_lock_and_unlock_a_draft_over_rest(self, targets):
        session = session_as("sec-author")
        url = f"{targets['draft']}/@lock"
        locked = session.post(url, headers=JSON, json={}, timeout=TIMEOUT)
        assert locked.status_code == 200, locked.text
        assert locked.json()["locked"] is True
        assert session.get(url, headers=JSON, timeout=TIMEOUT).json()["locked"]
        unlocked = session.delete(url, headers=JSON, timeout=TIMEOUT)
        assert unlocked.status_code == 200, unlocked.text
        assert unlocked.json()["locked"] is False
