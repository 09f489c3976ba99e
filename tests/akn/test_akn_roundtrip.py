"""Export → import into an empty site → export gives the same XML.

The seed (the plan and the libraries imported from the corpus) and an item
of every type with every field filled; compared after C14N 2.0 with the
export-time dates normalized (``traite_portal.akn.canonical``).
"""

from akn_samples import sample_plan_and_library
from akn_sites import as_admin
from akn_sites import empty_site
from akn_sites import xml
from plone import api
from plone.app.textfield.interfaces import IRichText
from traite_portal.akn.canonical import canonical
from traite_portal.akn.export import item_to_akn
from traite_portal.akn.fields import type_fields
from traite_portal.akn.importer import import_documents
from traite_portal.akn.richtext import html_to_blocks
from z3c.relationfield.interfaces import IRelationList
from zope.component.hooks import setSite

import pytest


@pytest.fixture
def portal(corpus_integration):
    as_admin(corpus_integration)
    return corpus_integration["portal"]


@pytest.fixture
def new_site(portal, corpus_integration):
    """Factory of an empty site (made current); the portal is current again after."""
    yield lambda: empty_site(corpus_integration)
    setSite(portal)


def _relative(obj) -> str:
    return "/".join(obj.getPhysicalPath()[2:])


def _record(obj) -> dict:
    """Everything the export carries of an item, comparable across sites."""
    record = {
        "path": _relative(obj),
        "title": obj.Title(),
        "description": obj.Description(),
        "state": api.content.get_state(obj, default=None),
        "created": obj.created().ISO8601(),
    }
    for name, field in type_fields(obj.portal_type):
        value = getattr(obj, name, None)
        if IRichText.providedBy(field):  # as the export carries it
            value = [xml(block) for block in html_to_blocks(value and value.raw)]
        elif IRelationList.providedBy(field):
            value = [_relative(r.to_object) for r in value or []]
        record[name] = value
    return record


def _records(root) -> list[dict]:
    return [
        _record(b.getObject()) for b in api.content.find(context=root, sort_on="path")
    ]


class TestAknRoundTrip:
    def test_seed_round_trips(self, portal, new_site):
        first = [item_to_akn(portal["plan-action-2010"]), item_to_akn(portal["textes"])]
        records = _records(portal["textes"])
        site = new_site()
        # The plan first: it cites texts imported with it in the same transaction.
        report = import_documents(site, first)
        assert report.created["Measure"] == 33
        assert report.created["Proposal"] == 112
        second = [item_to_akn(site["plan-action-2010"]), item_to_akn(site["textes"])]
        assert [canonical(d) for d in second] == [canonical(d) for d in first]
        assert _records(site["textes"]) == records

    def test_importing_an_export_again_changes_nothing(self, portal):
        data = [item_to_akn(portal["textes"]), item_to_akn(portal["plan-action-2010"])]
        report = import_documents(portal, data)
        assert sum(report.created.values()) == sum(report.updated.values()) == 0
        assert sum(report.unchanged.values()) == 196

    def test_every_field_of_every_type_round_trips(self, portal, new_site):
        items = sample_plan_and_library(portal)
        plan, library = items["ActionPlan"], items["TextLibrary"]
        before = _records(plan) + _records(library)
        assert {r["state"] for r in before} >= {"draft", "validated", "published"}
        first = [item_to_akn(library), item_to_akn(plan)]
        site = new_site()
        import_documents(site, list(reversed(first)))
        after = _records(site[plan.getId()]) + _records(site[library.getId()])
        assert after == before
        second = [item_to_akn(site[library.getId()]), item_to_akn(site[plan.getId()])]
        assert [canonical(d) for d in second] == [canonical(d) for d in first]
