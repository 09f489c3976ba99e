"""Anonymous REST clients read what is published, and nothing else."""

from matrix_http import COMMON_WORD
from matrix_http import ITEMS
from matrix_http import JSON
from matrix_http import TIMEOUT
from plone import api

import pytest
import requests


USE_REST_API = "plone.restapi: Use REST API"
PUBLIC_STATES = ("validated", "published", "repealed")


def _anonymous_may_use_rest_api(portal) -> bool:
    roles = portal.rolesOfPermission(USE_REST_API)
    return any(r["name"] == "Anonymous" and r["selected"] for r in roles)


class TestRolemap:
    def test_our_profile_grants_the_rest_api_to_anonymous(self, portal):
        """Plone's own default is Manager only; our rolemap step restores it."""
        portal.manage_permission(USE_REST_API, ["Manager"], acquire=0)
        assert not _anonymous_may_use_rest_api(portal)
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile("profile-traite_portal:default", "rolemap")
        assert _anonymous_may_use_rest_api(portal)


@pytest.fixture(scope="class")
def urls(served_portal) -> dict:
    with api.env.adopt_roles(["Manager"]):
        found = {
            (portal_type, state): api.content.find(id=f"{portal_type}-{state}")[
                0
            ].getURL()
            for portal_type, state in ITEMS
        }
    return {"portal": served_portal.absolute_url(), "items": found}


class TestAnonymousRest:
    @pytest.mark.parametrize("item", ITEMS, ids="-".join)
    def test_get_item(self, urls, item):
        response = requests.get(urls["items"][item], headers=JSON, timeout=TIMEOUT)
        if item[1] in PUBLIC_STATES:
            assert response.status_code == 200
            assert response.json()["@id"] == urls["items"][item]
        else:
            assert response.status_code == 401
            assert response.json()["type"] == "Unauthorized"
            assert f"{item[0]}-{item[1]}" not in response.text

    def test_search_returns_published_items_only(self, urls):
        response = requests.get(
            f"{urls['portal']}/@search",
            params={"SearchableText": COMMON_WORD, "b_size": 1000},
            headers=JSON,
            timeout=TIMEOUT,
        )
        assert response.status_code == 200
        found = {item["@id"] for item in response.json()["items"]}
        public = {
            url for item, url in urls["items"].items() if item[1] in PUBLIC_STATES
        }
        assert found == public
