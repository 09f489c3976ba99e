"""The demo profile: demo users in their groups, random passwords, never defaults."""

from plone import api
from traite_portal.setuphandlers.demo import create_demo_users
from traite_portal.setuphandlers.demo import DEMO_ASSOCIATION
from traite_portal.setuphandlers.demo import DEMO_USERS

import pytest


@pytest.fixture
def demo_site(portal):
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-traite_portal:demo")
    return portal


class TestDemoProfile:
    @pytest.mark.parametrize("user", DEMO_USERS, ids=lambda u: u.username)
    def test_user_in_group(self, demo_site, user):
        groups = [g.getId() for g in api.group.get_groups(username=user.username)]
        assert user.group in groups

    def test_demo_association_added(self, demo_site):
        names = api.portal.get_registry_record("traite_portal.associations")
        assert names[-1] == DEMO_ASSOCIATION
        assert len(names) == 2
        assert api.group.get(groupname="association-association-de-demonstration")

    def test_no_known_password(self, demo_site):
        acl = api.portal.get_tool("acl_users")
        request = demo_site.REQUEST
        for user in DEMO_USERS:
            for guess in (user.username, "demo", "secret", "admin", ""):
                assert acl.authenticate(user.username, guess, request) is None

    def test_reset_gives_new_working_passwords(self, demo_site):
        acl = api.portal.get_tool("acl_users")
        first = create_demo_users(reset_passwords=True)
        second = create_demo_users(reset_passwords=True)
        assert set(first) == {u.username for u in DEMO_USERS}
        for name, password in second.items():
            assert password != first[name]
            assert acl.authenticate(name, password, demo_site.REQUEST) is not None

    def test_rerun_keeps_passwords(self, demo_site):
        assert create_demo_users() == {}
