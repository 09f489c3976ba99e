"""Author pages tell a member nothing about a user whose work he cannot see.

``author/<login>`` showed any member the full name of any login (and a form
to write to it): one guess at a time, a list of users. It stays for the
authors of what the member may view, for himself, and for coordinators and
administrators; otherwise it is « not found », like a login that does not
exist.
"""

from sec_views_http import FIXTURES
from sec_views_site import session_as
from sec_views_site import TIMEOUT
from sec_views_site import USERS
from sec_views_site import VIEWS_SITE_FUNCTIONAL

import pytest


globals().update(FIXTURES)


def author_page(portal_url: str, login: str | None, author: str):
    return session_as(login).get(
        f"{portal_url}/author/{author}", allow_redirects=False, timeout=TIMEOUT
    )


class TestAuthorPages:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    @pytest.mark.parametrize("author", ["sec-otherministryeditor", "sec-nobody"])
    def test_unknown_work_or_unknown_user_is_not_found(self, views_site, author):
        response = author_page(views_site.absolute_url(), "sec-member", author)
        assert response.status_code == 404
        assert "Zqnom" not in response.text

    def test_author_of_a_visible_item_is_shown(self, views_site):
        # sec-author created every item of the site, some of them public.
        response = author_page(views_site.absolute_url(), "sec-member", "sec-author")
        assert response.status_code == 200
        assert USERS["sec-author"][0] in response.text

    def test_own_page_is_shown(self, views_site):
        response = author_page(views_site.absolute_url(), "sec-member", "sec-member")
        assert response.status_code == 200
        assert USERS["sec-member"][0] in response.text

    @pytest.mark.parametrize("login", ["sec-coordinator", "sec-siteadministrator"])
    def test_coordinators_and_administrators_see_anyone(self, views_site, login):
        author = "sec-otherministryeditor"
        response = author_page(views_site.absolute_url(), login, author)
        assert response.status_code == 200
        assert USERS[author][0] in response.text

    def test_anonymous_learns_nothing(self, views_site):
        response = author_page(views_site.absolute_url(), None, "sec-otherassociation")
        assert response.status_code in (302, 401, 404)
        assert "Zqnom" not in response.text
