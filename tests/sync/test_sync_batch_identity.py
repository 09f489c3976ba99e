"""A full sync's batches give each item exactly what it gets alone.

``@akn-documents?fullobjects`` summarises each relation target once per
request (``serializers/relations.py``): for every item of the corpus, its
representation in a batch of the client's size equals the one it gets in a
request of its own, and its relation fields equal what plone.restapi's own
converter makes of the relations the user may view.
"""

from plone import api
from plone.dexterity.utils import iterSchemata
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.relationfield import relationvalue_converter
from traite_portal.interfaces import IBrowserLayer
from traite_portal.interfaces import ITraiteContent
from traite_portal.serializers.relations import ViewableRelationListFieldSerializer
from traite_portal.services.akn.documents import AknDocumentsGet
from traite_portal.services.akn.documents import MAX_UIDS
from traite_sync.fullsync import JSON_BATCH
from z3c.relationfield.interfaces import IRelationList
from zope.component import getMultiAdapter
from zope.globalrequest import setRequest
from zope.interface import alsoProvides
from zope.schema import getFieldsInOrder

import json


def _answer(portal, request_factory, uids) -> dict:
    """The service's answer, in a fresh request as the server would make."""
    request = request_factory()
    alsoProvides(request, IBrowserLayer)
    request.form.update({"UID": uids, "fullobjects": "1"})
    setRequest(request)
    service = AknDocumentsGet()
    service.context, service.request = portal, request
    return json.loads(json.dumps(service.reply()))


def test_the_client_batch_is_within_the_server_limit():
    assert 1 < JSON_BATCH <= MAX_UIDS


def test_every_item_is_the_same_in_a_batch_and_alone(corpus_integration):
    portal = corpus_integration["portal"]
    base = corpus_integration["request"]

    def fresh():
        return base.clone()

    uids = [brain.UID for brain in api.content.find(context=portal, sort_on="path")]
    compared, missing = 0, 0
    for start in range(0, len(uids), JSON_BATCH):
        batch = _answer(portal, fresh, uids[start : start + JSON_BATCH])
        missing += len(batch["missing"])
        for item in batch["items"]:
            (alone,) = _answer(portal, fresh, [item["UID"]])["items"]
            assert item == alone, item["@id"]
            compared += 1
    setRequest(base)
    assert compared
    assert compared + missing == len(uids)


def test_relation_fields_are_plone_restapi_s_summaries(corpus_integration):
    portal = corpus_integration["portal"]
    request = corpus_integration["request"]
    seen = 0
    for brain in api.content.find(context=portal):
        obj = brain.getObject()
        if not ITraiteContent.providedBy(obj):
            continue
        for schema in iterSchemata(obj):
            for _name, field in getFieldsInOrder(schema):
                if not IRelationList.providedBy(field):
                    continue
                serializer = getMultiAdapter((field, obj, request), IFieldSerializer)
                assert isinstance(serializer, ViewableRelationListFieldSerializer)
                value = serializer.get_value()
                expected = (
                    [json_compatible(relationvalue_converter(r)) for r in value]
                    if value
                    else json_compatible(value)
                )
                assert serializer() == expected
                seen += bool(value)
    assert seen  # the corpus has relations: the comparison compared some
