"""Only coordinators and administrators list the portal's users (issue 7, point 7).

Every vocabulary registered, asked by a plain member and by another
association over REST and through ``@@getVocabulary``, and the other ways
Plone lists users: no answer holds another user's login or full name.
Coordinators and administrators still get the lists.
"""

from sec_views_http import FIXTURES
from sec_views_http import item_urls
from sec_views_site import session_as
from sec_views_site import TIMEOUT
from sec_views_site import USERS
from sec_views_site import VIEWS_SITE_FUNCTIONAL
from zope.component import getUtilitiesFor
from zope.schema.interfaces import IVocabularyFactory

import pytest
import re


globals().update(FIXTURES)

JSON = {"Accept": "application/json"}
ASKERS = ["sec-member", "sec-otherassociation"]
LISTERS = ["sec-coordinator", "sec-siteadministrator"]
# Other ways Plone lists users (paths from the site root).
LISTINGS = [
    "@querystring",
    "@@qsOptions",
    "@users",
    "@groups",
    "@principals?search=sec",
    "portal_membership/searchForMembers",
    "portal_membership/listMemberIds",
    "@@pas_search/searchUsers",
    "@@usergroup-userprefs",
    "@@usergroup-groupprefs",
    "@@usergroup-groupmembership?groupname=coordinators",
    "@@usergroup-usermembership?userid=sec-author",
    "@@getVocabulary?name=plone.app.vocabularies.Users&query=sec",
]


def others(login: str) -> list[str]:
    """The logins and full names of every user but ``login``."""
    found = []
    for other, (fullname, _how) in USERS.items():
        if other != login:
            found += [other, fullname]
    return found


def revealed(text: str, login: str) -> list[str]:
    return [word for word in others(login) if word in text]


@pytest.fixture(scope="class")
def site(views_site) -> dict:
    return {"portal": views_site.absolute_url(), "items": item_urls(views_site)}


def search_members(portal_url: str, login: str):
    """Submit Plone's member search form (all users) as a browser does."""
    session = session_as(login)
    url = f"{portal_url}/@@member-search"
    form = session.get(url, timeout=TIMEOUT)
    token = re.search(r'name="_authenticator"\s+value="([^"]+)"', form.text)
    data = {"form.buttons.search": "Rechercher"}
    if token:
        data["_authenticator"] = token[1]
    return session.post(url, data=data, timeout=TIMEOUT)


def _vocabulary_names() -> list[str]:
    return sorted(name for name, _factory in getUtilitiesFor(IVocabularyFactory))


class TestUserLists:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    @pytest.mark.parametrize("login", ASKERS)
    def test_no_vocabulary_lists_users(self, site, login):
        names = _vocabulary_names()
        assert len(names) > 40, names
        session = session_as(login)
        leaks = []
        for name in names:
            rest = session.get(
                f"{site['portal']}/@vocabularies/{name}",
                headers=JSON,
                params={"b_size": 10000},
                timeout=TIMEOUT,
            )
            classic = session.get(
                f"{site['portal']}/@@getVocabulary",
                params={"name": name, "query": "", "page_limit": 1000},
                timeout=TIMEOUT,
            )
            for where, response in (("REST", rest), ("getVocabulary", classic)):
                if found := revealed(response.text, login):
                    leaks.append(f"{where} {name}: {found}")
        assert not leaks, "\n".join(leaks)

    @pytest.mark.parametrize("login", ASKERS)
    @pytest.mark.parametrize("path", LISTINGS)
    def test_no_listing_of_users(self, site, login, path):
        rest = path.startswith("@") and not path.startswith("@@")
        response = session_as(login).get(
            f"{site['portal']}/{path}", headers=JSON if rest else {}, timeout=TIMEOUT
        )
        assert not revealed(response.text, login), response.status_code

    def test_an_editor_cannot_list_users_through_a_field(self, site):
        """The author edits her draft: its ``creators`` field names users."""
        url = site["items"]["Proposal", "draft"]
        response = session_as("sec-author").get(
            f"{url}/@@getVocabulary",
            params={"name": "plone.app.vocabularies.Users", "field": "creators"},
            timeout=TIMEOUT,
        )
        assert response.status_code == 200
        assert not revealed(response.text, "sec-author")

    @pytest.mark.parametrize("login", LISTERS)
    @pytest.mark.parametrize(
        "name",
        [
            "plone.app.vocabularies.Users",
            "plone.app.vocabularies.Principals",
        ],
    )
    def test_coordinators_and_administrators_list_users(self, site, login, name):
        response = session_as(login).get(
            f"{site['portal']}/@vocabularies/{name}",
            headers=JSON,
            params={"b_size": 10000, "title": "Zqnom"},
            timeout=TIMEOUT,
        )
        assert response.status_code == 200
        assert "Zqnom Autrice" in response.text

    @pytest.mark.parametrize("login", ASKERS + LISTERS)
    def test_member_search_form_lists_for_listers_only(self, site, login):
        page = search_members(site["portal"], login)
        assert page.status_code == 200
        if login in LISTERS:
            assert "Zqnom Autrice" in page.text
        else:
            assert not revealed(page.text, login)
