"""The view guard: nothing is published in the context of an item the user may not view.

The public views the outside tester used (issue 7, point 4), skin scripts,
helper views' methods, views reached through acquisition and REST services,
as a browser or a REST client sends them; and what must keep working: the
item's readers, a public text in a private folder, CORS preflights.
"""

from sec_views_http import FIXTURES
from sec_views_http import item_urls
from sec_views_site import HIDDEN_PARENT_WORD
from sec_views_site import session_as
from sec_views_site import TIMEOUT
from sec_views_site import unique_word
from sec_views_site import VIEWS_SITE_FUNCTIONAL

import pytest
import transaction


globals().update(FIXTURES)

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
JSON = {"Accept": "application/json"}
DRAFT = ("Circular", "draft")
WORD = unique_word(*DRAFT)
# (view, who): the examples; @@sendto_form needs a logged-in user.
REPORTED = [
    ("@@title", None),
    ("@@description", None),
    ("@@contact-info", None),
    ("@@passwordreset", None),
    ("@@sitemap", None),
    ("@@main_template", None),
    ("@@mail_password_response", None),
    ("@@sendto_form", "sec-member"),
]


def refused(response) -> bool:
    """401/403, or Plone's redirect to its login form."""
    if response.status_code in (401, 403):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and "require_login" in location


def get(login, url, headers=BROWSER):
    return session_as(login).get(
        url, headers=headers, allow_redirects=False, timeout=TIMEOUT
    )


@pytest.fixture(scope="class")
def urls(views_site) -> dict:
    found = item_urls(views_site)
    found["portal"] = views_site.absolute_url()
    return found


class TestReportedViews:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    @pytest.mark.parametrize(("view", "login"), REPORTED)
    def test_public_view_on_a_draft_is_refused(self, urls, view, login):
        response = get(login, f"{urls[DRAFT]}/{view}")
        assert refused(response), response.status_code
        assert WORD not in response.text

    @pytest.mark.parametrize(
        "path",
        [
            "pretty_title_or_id",  # a skin script, acquired by the draft
            "@@search_rss",
            "@@plone_context_state/object_title",  # a helper view's method
            "@@plone/getCurrentUrl",
            "author/sec-author",
            "@@images",
        ],
    )
    def test_other_ways_into_a_draft_are_refused(self, urls, path):
        response = get("sec-member", f"{urls[DRAFT]}/{path}")
        assert response.status_code != 200
        assert WORD not in response.text

    @pytest.mark.parametrize(
        "service", ["@types", "@actions", "@navigation", "@workflow", "@lock"]
    )
    def test_rest_services_of_a_draft_are_refused(self, urls, service):
        response = get(None, f"{urls[DRAFT]}/{service}", headers=JSON)
        assert response.status_code == 401
        assert WORD not in response.text


class TestAcquisition:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    def test_hidden_item_acquired_through_a_public_one(self, urls):
        public = urls["Circular", "published"]
        response = get(None, f"{public}/Circular-draft/@@title")
        assert refused(response)
        assert WORD not in response.text

    def test_public_item_acquired_through_a_hidden_one(self, urls):
        response = get(None, f"{urls[DRAFT]}/Circular-published/@@main_template")
        assert refused(response)
        assert WORD not in response.text

    def test_public_item_in_a_private_folder_is_served(self, urls):
        response = get(None, f"{urls['portal']}/prive/biblio/circulaire/@@title")
        assert response.status_code == 200
        assert "Circulaire visible" in response.text
        page = get(None, f"{urls['portal']}/prive/biblio/circulaire")
        assert page.status_code == 200
        assert HIDDEN_PARENT_WORD not in page.text

    def test_the_private_folder_itself_is_refused(self, urls):
        response = get(None, f"{urls['portal']}/prive/@@title")
        assert refused(response)
        assert HIDDEN_PARENT_WORD not in response.text


class TestReadersKeepTheirViews:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    @pytest.mark.parametrize("login", ["sec-author", "sec-siteadministrator"])
    def test_readers_of_a_draft_use_its_views(self, urls, login):
        assert WORD in get(login, f"{urls[DRAFT]}/@@title").text
        assert WORD in get(login, f"{urls[DRAFT]}/@@main_template").text
        state = get(login, f"{urls[DRAFT]}/@workflow", headers=JSON)
        assert state.json()["state"]["id"] == "draft"
        assert get(login, f"{urls[DRAFT]}/@lock", headers=JSON).status_code == 200

    def test_a_coordinator_reads_a_draft_proposal(self, urls):
        url = urls["Proposal", "draft"]
        response = get("sec-coordinator", f"{url}/@@title")
        assert unique_word("Proposal", "draft") in response.text

    def test_site_root_views_stay_public(self, urls):
        for view in ("@@title", "@@contact-info", "@@passwordreset", "login"):
            assert get(None, f"{urls['portal']}/{view}").status_code == 200, view


class TestCorsPreflight:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    def test_preflight_on_a_draft_is_answered_without_it(self, urls):
        response = session_as(None).options(
            urls[DRAFT],
            headers={
                "Origin": "https://client.example.org",
                "Access-Control-Request-Method": "PATCH",
            },
            timeout=TIMEOUT,
        )
        assert response.status_code not in (401, 403)
        assert WORD not in response.text


@pytest.fixture(scope="class")
def private_root(views_site) -> str:
    """The site root made private, as an intranet would have it."""
    views_site.manage_permission("View", ["Authenticated", "Manager"], acquire=0)
    transaction.commit()
    return views_site.absolute_url()


class TestPrivateSiteRoot:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    @pytest.mark.parametrize(
        "path", ["login", "@@passwordreset", "mail_password_form", "@@login-help"]
    )
    def test_login_and_password_reset_stay_reachable(self, private_root, path):
        assert get(None, f"{private_root}/{path}").status_code == 200

    def test_the_private_root_itself_is_refused(self, private_root):
        assert refused(get(None, private_root))
