"""The profile makes the co-edited types versionable and diffable."""

from plone import api
from traite_portal.behaviors.relations import LEGAL_TYPES
from traite_portal.coediting.etag import if_match_fails
from traite_portal.coediting.etag import if_none_match_hits
from traite_portal.coediting.etag import MalformedPrecondition
from traite_portal.coediting.versions import inline_diff

import pytest


VERSIONED_TYPES = ("Proposal", *LEGAL_TYPES)


class TestProfile:
    @pytest.mark.parametrize("portal_type", VERSIONED_TYPES)
    def test_type_versions_on_every_save(self, integration, portal_type):
        repository = api.portal.get_tool("portal_repository")
        assert portal_type in repository.getVersionableContentTypes()
        assert set(repository.getPolicyMap()[portal_type]) == {
            "at_edit_autoversion",
            "version_on_revert",
        }

    @pytest.mark.parametrize("portal_type", VERSIONED_TYPES)
    def test_type_is_diffed_field_by_field(self, integration, portal_type):
        diff_tool = api.portal.get_tool("portal_diff")
        assert diff_tool.getDiffForPortalType(portal_type) == {
            "any": "Compound Diff for Dexterity types"
        }

    def test_plone_types_keep_their_versioning(self, integration):
        repository = api.portal.get_tool("portal_repository")
        assert "Document" in repository.getVersionableContentTypes()

    @pytest.mark.parametrize(
        ("role", "permission"),
        [
            (role, permission)
            for role in ("AssociationMember", "Coordinator", "MinistryEditor")
            for permission in (
                "CMFEditions: Save new version",
                "CMFEditions: Apply version control",
            )
        ],
    )
    def test_editors_may_store_versions(self, integration, role, permission):
        roles = {
            r["name"]
            for r in integration["portal"].rolesOfPermission(permission)
            if r["selected"]
        }
        assert role in roles


class TestConditions:
    @pytest.mark.parametrize(
        ("header", "fails"),
        [
            (None, False),
            ("", True),  # present but empty: a list that matches nothing
            ("*", False),
            ('"abc"', False),
            ('"old", "abc"', False),
            ('"old"', True),
            ('W/"abc"', True),
        ],
    )
    def test_if_match(self, header, fails):
        assert if_match_fails(header, '"abc"') is fails

    @pytest.mark.parametrize("header", ["abc", '*, "abc"', '"abc" "abc"', "W/abc"])
    def test_malformed_if_match_is_no_match(self, header):
        with pytest.raises(MalformedPrecondition):
            if_match_fails(header, '"abc"')

    @pytest.mark.parametrize(
        ("header", "hits"),
        [(None, False), ('"old"', False), ('"abc"', True), ('W/"abc"', True)],
    )
    def test_if_none_match(self, header, hits):
        assert if_none_match_hits(header, '"abc"') is hits


class TestInlineDiff:
    @pytest.mark.parametrize(
        ("old", "new", "html"),
        [
            ("a b", "a b", "a b"),
            ("a b", "a c", "a <del>b</del><ins>c</ins>"),
            ("a", "a b", "a<ins> b</ins>"),
            ("<x> a", "a", "<del>&lt;x&gt; </del>a"),
        ],
    )
    def test_words(self, old, new, html):
        assert inline_diff(old, new) == html
