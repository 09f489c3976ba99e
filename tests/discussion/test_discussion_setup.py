"""The profile's discussion settings: who comments, who moderates, which workflow."""

from plone import api
from plone.app.discussion.interfaces import IDiscussionSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


@pytest.fixture
def portal(integration):
    return integration["portal"]


@pytest.fixture
def settings(portal):
    return getUtility(IRegistry).forInterface(IDiscussionSettings)


def roles_of(portal, permission: str) -> set[str]:
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


class TestDiscussionSetup:
    def test_plone_app_discussion_installed(self, portal):
        installer = api.portal.get_tool("portal_setup")
        assert installer.getLastVersionForProfile("plone.app.discussion:default")

    def test_settings(self, settings):
        assert settings.globally_enabled is True
        assert settings.moderation_enabled is True
        assert settings.anonymous_comments is False
        assert settings.edit_comment_enabled is False
        assert settings.delete_own_comment_enabled is False

    @pytest.mark.parametrize(
        ("portal_type", "allowed"),
        [("Proposal", True), ("Measure", False), ("Circular", False)],
    )
    def test_discussion_only_on_proposals(self, portal, portal_type, allowed):
        assert portal.portal_types[portal_type].allow_discussion is allowed

    @pytest.mark.parametrize(
        ("permission", "roles"),
        [
            (
                "Reply to item",
                {
                    "Coordinator",
                    "AssociationMember",
                    "Jurist",
                    "Owner",
                    "Editor",
                    "Manager",
                    "Site Administrator",
                },
            ),
            (
                "Review comments",
                {"Coordinator", "Reviewer", "Manager", "Site Administrator"},
            ),
        ],
    )
    def test_permissions(self, portal, permission, roles):
        assert roles_of(portal, permission) == roles

    def test_comments_use_the_moderated_workflow(self, portal):
        chain = api.portal.get_tool("portal_workflow").getChainForPortalType(
            "Discussion Item"
        )
        assert chain == ("traite_comment_workflow",)

    def test_control_panel_toggle_keeps_the_workflow(self, portal, settings):
        workflow_tool = api.portal.get_tool("portal_workflow")
        settings.moderation_enabled = False
        assert workflow_tool.getChainForPortalType("Discussion Item") == (
            "comment_one_state_workflow",
        )
        settings.moderation_enabled = True
        assert workflow_tool.getChainForPortalType("Discussion Item") == (
            "traite_comment_workflow",
        )
