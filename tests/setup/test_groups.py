"""The profile creates the portal's groups, with their global roles only."""

from plone import api
from traite_portal.groups import ensure_groups
from traite_portal.groups import group_specs

import pytest


class TestGroups:
    def test_every_group_exists(self, portal):
        ids = {spec.id for spec in group_specs()}
        assert {"coordinators", "jurists", "min-justice-editors"} <= ids
        for group_id in ids:
            assert api.group.get(groupname=group_id) is not None, group_id

    @pytest.mark.parametrize(
        ("group_id", "role"),
        [
            ("coordinators", "Coordinator"),
            ("jurists", "Jurist"),
            (
                "association-collectif-ensemble-contre-la-traite-des-etres-humains",
                "AssociationMember",
            ),
        ],
    )
    def test_global_roles(self, portal, group_id, role):
        assert role in api.group.get(groupname=group_id).getRoles()

    def test_ministry_groups_have_no_global_role(self, portal):
        roles = set(api.group.get(groupname="min-justice-editors").getRoles())
        assert not roles & {"MinistryEditor", "MinistryReviewer"}
        assert (
            api.group.get(groupname="min-justice-reviewers")
            .getProperty("title")
            .startswith("Relecteurs — ministère de la justice")
        )

    def test_no_user_is_created(self, portal):
        # Demo users come only from the demo profile.
        assert [u.getId() for u in api.user.get_users()] == ["test_user_1_"]

    def test_idempotent(self, portal):
        api.group.add_user(groupname="jurists", username="test_user_1_")
        assert ensure_groups() == []
        assert "test_user_1_" in [
            u.getId() for u in api.user.get_users(groupname="jurists")
        ]
