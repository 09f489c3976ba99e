"""plone.app.iterate's policy: the same working copies, without relation queries
when the site has none (serializers/working_copies.py)."""

from plone import api
from plone.app.iterate.dexterity.policy import CheckinCheckoutPolicyAdapter
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.iterate.interfaces import IObjectCopier
from plone.restapi.interfaces import ISerializeToJson
from traite_portal.serializers.working_copies import any_working_copy
from traite_portal.serializers.working_copies import WorkingCopyPolicy
from zope.component import getMultiAdapter

import pytest


def _items(portal) -> list:
    return [brain.getObject() for brain in api.content.find(context=portal)]


def _iterate_answer(obj) -> tuple:
    """What iterate's own policy says of ``obj``: (baseline, working copy)."""
    policy = CheckinCheckoutPolicyAdapter(obj)
    return policy.getBaseline(), policy.getWorkingCopy()


def _ours(obj) -> tuple:
    policy = ICheckinCheckoutPolicy(obj)
    assert isinstance(policy, WorkingCopyPolicy)
    return policy.getBaseline(), policy.getWorkingCopy()


def test_every_item_without_working_copy_as_iterate_says(corpus_integration):
    portal = corpus_integration["portal"]
    items = _items(portal)
    assert {obj.portal_type for obj in items} >= {"ActionPlan", "Measure"}
    assert not any_working_copy()
    for obj in items:
        assert _ours(obj) == _iterate_answer(obj) == (None, None)
        data = getMultiAdapter((obj, corpus_integration["request"]), ISerializeToJson)()
        assert data["working_copy"] is None
        assert data["working_copy_of"] is None


@pytest.fixture
def checked_out(integration):
    """A national text and its working copy, made by iterate's own copier (a
    full checkout needs iterate's profile, which the portal does not install)."""
    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="lib", title="Lib")
        text = api.content.create(library, "NationalText", id="t", title="Texte")
        copy, _ = IObjectCopier(text).copyTo(library)
    return portal, text, copy


def test_working_copies_as_iterate_gives_them(checked_out, integration):
    portal, text, copy = checked_out
    assert any_working_copy()
    assert _ours(text) == _iterate_answer(text) == (None, copy)
    assert _ours(copy) == _iterate_answer(copy) == (text, copy)
    with api.env.adopt_roles(["Manager"]):
        data = getMultiAdapter((text, integration["request"]), ISerializeToJson)()
    assert data["working_copy"]["@id"] == copy.absolute_url()
    assert data["working_copy_of"] is None
    for obj in _items(portal):
        assert _ours(obj) == _iterate_answer(obj)
