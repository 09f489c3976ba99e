"""Content types: containment, fields, unordered storage, unique measure numbers."""

from plone import api
from plone.api.exc import InvalidParameterError
from zope.interface import Invalid

import pytest


@pytest.fixture
def plan(integration, create_measure):
    return create_measure(integration["portal"]).__parent__.__parent__


class TestContainment:
    @pytest.mark.parametrize(
        ("parent_type", "allowed"),
        [
            ("ActionPlan", {"Chapter", "Annex"}),
            ("Chapter", {"Measure", "Proposal"}),
            ("Measure", {"Proposal"}),
            ("Annex", {"Proposal"}),
        ],
    )
    def test_allowed_types(self, get_fti, parent_type, allowed):
        fti = get_fti(parent_type)
        assert fti.filter_content_types
        assert set(fti.allowed_content_types) == allowed

    @pytest.mark.parametrize(
        "portal_type", ["Chapter", "Measure", "Proposal", "Convention", "Circular"]
    )
    def test_not_addable_at_site_root(self, integration, portal_type):
        portal = integration["portal"]
        with (
            api.env.adopt_roles(["Manager"]),
            pytest.raises(InvalidParameterError, match="Cannot add"),
        ):
            api.content.create(portal, portal_type, title="X")

    def test_measure_defaults(self, plan):
        measure = plan["ch"]["m"]
        assert measure.implementation_status == "not_started"
        assert measure.responsible_bodies == []

    def test_proposal_in_measure(self, plan):
        measure = plan["ch"]["m"]
        with api.env.adopt_roles(["Manager"]):
            proposal = api.content.create(
                measure, "Proposal", title="Ajouter une mesure", kind="addition"
            )
        assert proposal.kind == "addition"
        assert proposal.portal_type == "Proposal"


class TestUnorderedStorage:
    @pytest.mark.parametrize("portal_type", ["Measure", "Annex", "TextLibrary"])
    def test_large_containers_are_unordered(self, integration, portal_type):
        from plone.folder.unordered import UnorderedOrdering

        portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            if portal_type == "TextLibrary":
                container = api.content.create(portal, portal_type, title="Lib")
            else:
                plan = api.content.create(portal, "ActionPlan", title="P")
                if portal_type == "Annex":
                    container = api.content.create(plan, "Annex", title="A")
                else:
                    chapter = api.content.create(
                        plan, "Chapter", title="C", number=1, roman_number="I"
                    )
                    container = api.content.create(
                        chapter, "Measure", title="M", number=1
                    )
        assert isinstance(container.getOrdering(), UnorderedOrdering)


class TestMeasureNumber:
    def test_duplicate_number_in_plan_refused(self, plan):
        with api.env.adopt_roles(["Manager"]):
            chapter2 = api.content.create(
                plan, "Chapter", id="ch2", title="C2", number=2, roman_number="II"
            )
            with pytest.raises(Invalid, match="déjà celui de la mesure"):
                api.content.create(chapter2, "Measure", title="Doublon", number=1)

    def test_same_number_in_other_plan_allowed(self, plan, integration):
        portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            other = api.content.create(portal, "ActionPlan", title="Autre plan")
            chapter = api.content.create(
                other, "Chapter", title="C", number=1, roman_number="I"
            )
            measure = api.content.create(chapter, "Measure", title="M", number=1)
        assert measure.number == 1
