"""Typed relations are followed both ways, and pages show both directions."""

from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import requests
import transaction


def _relate(source, relationship: str, target) -> None:
    """Set a relation field the way an edit form does (value, then modified)."""
    intid = getUtility(IIntIds).getId(target)
    setattr(source, relationship, [RelationValue(intid)])
    notify(ObjectModifiedEvent(source))


@pytest.fixture
def items(integration, create_measure):
    portal = integration["portal"]
    measure = create_measure(portal)
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="T")
        circular = api.content.create(library, "Circular", id="circ", title="Circ")
        greta = api.content.create(
            library, "GretaRecommendation", id="greta", title="Reco"
        )
        _relate(circular, "implements", measure)
        _relate(measure, "responds_to", greta)
        _relate(measure, "cites", circular)
    return {"measure": measure, "circular": circular, "greta": greta}


class TestBothWays:
    @pytest.mark.parametrize(
        ("source", "relationship", "target"),
        [
            ("circular", "implements", "measure"),
            ("measure", "responds_to", "greta"),
            ("measure", "cites", "circular"),
        ],
    )
    def test_forward_and_back(self, items, source, relationship, target):
        forward = api.relation.get(source=items[source], relationship=relationship)
        back = api.relation.get(target=items[target], relationship=relationship)
        assert [r.to_object for r in forward] == [items[target]]
        assert [r.from_object for r in back] == [items[source]]

    def test_greta_linked_measures_are_the_back_relation(self, items):
        back = api.relation.get(target=items["greta"], relationship="responds_to")
        assert [r.from_object.portal_type for r in back] == ["Measure"]


@pytest.fixture
def circular_url(functional, create_measure):
    portal = functional["portal"]
    measure = create_measure(portal, title="Mesure citante")
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(portal, "TextLibrary", id="textes", title="T")
        circular = api.content.create(library, "Circular", id="c", title="Circ")
        api.content.transition(obj=circular, to_state="published")
        _relate(measure, "cites", circular)
    transaction.commit()
    return circular.absolute_url()


class TestRelationsViewlet:
    def test_cited_by_on_the_cited_text(self, circular_url):
        html = requests.get(circular_url, timeout=60).text
        assert 'id="traite-relations-cites-in"' in html
        assert "Mesure citante" in html
