"""The undo log is for site administrators only (issue 7, point 6).

``@transactions`` gave every member the path, author and time of every write
on the site (Plone grants « List undoable changes » to Member, and « Undo
changes » to Owner).
"""

from plone import api
from sec_views_http import FIXTURES
from sec_views_site import session_as
from sec_views_site import TIMEOUT
from sec_views_site import USERS
from sec_views_site import VIEWS_SITE_FUNCTIONAL

import pytest


globals().update(FIXTURES)

ADMINS = {"Manager", "Site Administrator"}
JSON = {"Accept": "application/json"}
NOT_ADMINS = [login for login in USERS if login != "sec-siteadministrator"]


def roles_with(site, permission: str) -> set[str]:
    return {
        role["name"] for role in site.rolesOfPermission(permission) if role["selected"]
    }


class TestUndoLog:
    layer = VIEWS_SITE_FUNCTIONAL  # one site for every class (sec_views_http)

    def test_every_undo_permission_is_for_administrators(self, views_site):
        names = [
            permission[0]
            for permission in views_site.ac_inherited_permissions(1)
            if "undo" in permission[0].lower()
        ]
        assert len(names) >= 2, names  # List undoable changes, Undo changes
        for name in names:
            assert roles_with(views_site, name) == ADMINS, name

    @pytest.mark.parametrize("login", [None, *NOT_ADMINS])
    def test_transactions_are_refused(self, views_site, login):
        response = session_as(login).get(
            f"{views_site.absolute_url()}/@transactions", headers=JSON, timeout=TIMEOUT
        )
        assert response.status_code in (401, 403), response.text[:300]

    def test_site_administrator_reads_the_log(self, views_site):
        response = session_as("sec-siteadministrator").get(
            f"{views_site.absolute_url()}/@transactions", headers=JSON, timeout=TIMEOUT
        )
        assert response.status_code == 200
        assert isinstance(response.json(), list)

    @pytest.mark.parametrize("login", [*USERS])
    def test_classic_undo_action_only_for_administrators(self, views_site, login):
        with api.env.adopt_user(username=login):
            offered = views_site.portal_actions.listActionInfos(
                action_chain="user/undo",
                object=views_site,
                check_visibility=0,
                check_condition=0,
            )
        assert bool(offered) == (login == "sec-siteadministrator")
