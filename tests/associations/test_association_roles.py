"""Authoring associations get Editor locally; groups follow the registry."""

from conftest import ASSOCIATION_A
from conftest import GROUP_A
from conftest import GROUP_B
from conftest import TOKEN_A
from conftest import TOKEN_B
from plone import api
from traite_portal.associations.localroles import AssociationAuthorRoles
from traite_portal.associations.upgrade import reindex_proposals
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


def visible_ids(username: str, **query) -> set[str]:
    """Ids of the proposals the user finds in the catalog."""
    with api.env.adopt_user(username=username):
        return {b.getId for b in api.content.find(portal_type="Proposal", **query)}


class TestLocalRoles:
    def test_provider_gives_editor_to_the_author_group_only(self, site):
        provider = AssociationAuthorRoles(site.proposals["a-draft"])
        assert provider.getRoles(GROUP_A) == ("Editor",)
        assert provider.getRoles(GROUP_B) == ()
        assert list(provider.getAllRoles()) == [(GROUP_A, ("Editor",))]

    @pytest.mark.parametrize(
        ("username", "item_id", "roles"),
        [
            ("alice", "a-draft", {"Editor"}),
            ("bruno", "a-draft", set()),
            ("bruno", "b-draft", {"Editor"}),
            ("alice", "b-draft", set()),
        ],
    )
    def test_local_roles_of_members(self, site, username, item_id, roles):
        local = api.user.get_roles(
            username=username, obj=site.proposals[item_id], inherit=True
        )
        assert {"Editor"} & set(local) == roles

    def test_owner_role_is_kept(self, site):
        # The provider is named: borg.localrole's default one still applies.
        local = api.user.get_roles(
            username="admin", obj=site.proposals["a-draft"], inherit=True
        )
        assert "Owner" in local

    @pytest.mark.parametrize(
        ("username", "expected", "hidden"),
        [
            ("alice", {"a-draft", "a-shared"}, {"b-draft"}),
            ("bruno", {"b-draft", "a-shared"}, {"a-draft"}),
            ("nina", set(), {"a-draft", "b-draft", "a-shared"}),
        ],
    )
    def test_catalog_filters_drafts(self, site, username, expected, hidden):
        found = visible_ids(username)
        assert expected <= found
        assert not hidden & found

    def test_changing_authors_reindexes_security(self, site):
        proposal = site.proposals["a-draft"]
        assert "a-draft" not in visible_ids("bruno")
        proposal.associations = [TOKEN_A, TOKEN_B]
        notify(ObjectModifiedEvent(proposal))
        assert "a-draft" in visible_ids("bruno", proposal_associations=TOKEN_B)


class TestDefaultAuthors:
    @pytest.mark.parametrize(
        ("username", "expected"),
        [("alice", [TOKEN_A]), ("bruno", [TOKEN_B]), ("carole", [])],
    )
    def test_new_proposal_takes_creator_associations(self, site, username, expected):
        with api.env.adopt_user(username=username):
            proposal = api.content.create(
                site.measure, "Proposal", id=f"new-{username}", title="Nouvelle"
            )
        assert list(proposal.associations or []) == expected

    def test_given_authors_are_kept(self, site):
        with api.env.adopt_user(username="alice"):
            proposal = api.content.create(
                site.measure,
                "Proposal",
                id="for-b",
                title="Pour B",
                associations=[TOKEN_B],
            )
        assert proposal.associations == [TOKEN_B]


class TestRegistrySync:
    def test_new_association_gets_its_group(self, site):
        assert api.group.get(groupname=GROUP_B) is not None
        assert "AssociationMember" in api.group.get(groupname=GROUP_B).getRoles()
        names = [ASSOCIATION_A, "Troisième association"]
        api.portal.set_registry_record(REGISTRY_RECORD, names)
        group = api.group.get(groupname="association-troisieme-association")
        assert group is not None
        # Removing an association from the list never deletes its group.
        assert api.group.get(groupname=GROUP_B) is not None


# (container path under the portal, portal type, may an association member add?)
ADD_TABLE = [
    ("plan/ch/m", "Proposal", True),
    ("plan/ch", "Proposal", True),
    ("plan/ch", "Measure", False),
    ("plan", "Chapter", False),
    ("library", "Circular", False),
    ("library", "NationalText", False),
    ("", "Document", False),
    ("", "Folder", False),
]


class TestAddPermissions:
    @pytest.mark.parametrize(("path", "portal_type", "allowed"), ADD_TABLE)
    @pytest.mark.parametrize("username", ["alice", "carole"])
    def test_member_adds_only_proposals(
        self, site, username, path, portal_type, allowed
    ):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(site.portal, "TextLibrary", id="library", title="T")
        container = site.portal.unrestrictedTraverse(path) if path else site.portal
        with api.env.adopt_user(username=username):
            addable = {fti.getId() for fti in container.allowedContentTypes()}
        assert (portal_type in addable) is allowed


class TestUpgradeHandler:
    def test_reindex_proposals_fills_the_new_index(self, site):
        catalog = api.portal.get_tool("portal_catalog")
        catalog.manage_clearIndex(["proposal_associations"])
        assert not catalog.unrestrictedSearchResults(proposal_associations=TOKEN_A)
        assert reindex_proposals() == len(site.proposals)
        found = catalog.unrestrictedSearchResults(proposal_associations=TOKEN_A)
        assert {b.getId for b in found} == {
            "a-draft",
            "a-shared",
            "a-submitted",
            "a-validated",
        }
        assert "a-draft" in visible_ids("alice")
