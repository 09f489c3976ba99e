"""What the full serializer keeps for the rest of a GET request
(``serializers/per_request.py``): containers' summaries and types' primary
fields are plone.restapi's own for every item; a request that writes makes
them afresh."""

from plone import api
from plone.restapi.interfaces import IObjectPrimaryFieldTarget
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.dxcontent import DexterityObjectPrimaryFieldTarget
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from traite_portal.interfaces import IBrowserLayer
from traite_portal.interfaces import ITraiteContent
from traite_portal.serializers.per_request import RequestCachedPrimaryFieldTarget
from traite_portal.serializers.per_request import RequestCachedSummarySerializer
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import pytest


def _request(base, method: str):
    request = base.clone()
    alsoProvides(request, IBrowserLayer)
    request["REQUEST_METHOD"] = method
    return request


def _summary(obj, request) -> dict:
    return getMultiAdapter((obj, request), ISerializeToJsonSummary)()


def _items(portal) -> list:
    items = [
        brain.getObject()
        for brain in api.content.find(
            context=portal, object_provides=ITraiteContent.__identifier__
        )
    ]
    assert len(items) > 100
    return items


def test_every_item_is_summarised_as_plone_restapi_does(corpus_integration):
    portal = corpus_integration["portal"]
    request = _request(corpus_integration["request"], "GET")
    for obj in _items(portal):
        serializer = getMultiAdapter((obj, request), ISerializeToJsonSummary)
        assert isinstance(serializer, RequestCachedSummarySerializer)
        own = DefaultJSONSummarySerializer(obj, request)()
        # Twice: made, then taken from the request's store; a copy each time.
        first, second = serializer(), _summary(obj, request)
        assert first == second == own, obj.absolute_url()
        first["title"] = "changed by a caller"
        assert _summary(obj, request) == own


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_a_request_that_writes_sees_the_change(corpus_integration, method):
    portal = corpus_integration["portal"]
    library = next(
        brain.getObject()
        for brain in api.content.find(context=portal, portal_type="TextLibrary")
    )
    before = library.title
    request = _request(corpus_integration["request"], method)
    assert _summary(library, request)["title"] == before
    library.title = f"{before} (modifiée)"
    try:
        assert _summary(library, request)["title"] == f"{before} (modifiée)"
    finally:
        library.title = before


def test_a_get_request_keeps_what_it_made(corpus_integration):
    """Within one GET request the summary is made once (a read request does
    not change the container in between); the next request makes it afresh."""
    portal = corpus_integration["portal"]
    library = next(
        brain.getObject()
        for brain in api.content.find(context=portal, portal_type="TextLibrary")
    )
    before = library.title
    request = _request(corpus_integration["request"], "GET")
    assert _summary(library, request)["title"] == before
    library.title = f"{before} (modifiée)"
    try:
        assert _summary(library, request)["title"] == before
        later = _request(corpus_integration["request"], "GET")
        assert _summary(library, later)["title"] == f"{before} (modifiée)"
    finally:
        library.title = before


def test_every_item_has_the_primary_field_plone_restapi_finds(corpus_integration):
    portal = corpus_integration["portal"]
    request = _request(corpus_integration["request"], "GET")
    types = set()
    for obj in _items(portal):
        target = getMultiAdapter((obj, request), IObjectPrimaryFieldTarget)
        assert isinstance(target, RequestCachedPrimaryFieldTarget)
        own = DexterityObjectPrimaryFieldTarget(obj, request)
        assert target.get_primary_field_name() == own.get_primary_field_name()
        assert target() == own(), obj.absolute_url()
        types.add(obj.portal_type)
    # Every type of the portal was tried (and its name kept for the request).
    assert len(types) >= 10
    assert set(IAnnotations(request)["traite_portal.primary_fields"]) == types
