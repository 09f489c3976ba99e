"""What a full serializer works out again for every item, made once per read
request.

plone.restapi serializes each item on its own. In a batch
(``@akn-documents?fullobjects``, ``@search?fullobjects``) the items are
mostly siblings of a few types, and some of the work is the same for all of
them: their container's summary (``parent``), and their type's primary field
(``targetUrl``). Together about 6 % of a first sync's server time. Kept only
for GET: a request that writes may change a container or a type meanwhile.
"""

from plone.restapi.interfaces import IObjectPrimaryFieldTarget
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.dxcontent import DexterityObjectPrimaryFieldTarget
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from traite_portal.interfaces import IBrowserLayer
from traite_portal.interfaces import ITraiteContent
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.interface import implementer


def once_per_read(request, name: str, key, make):
    """``make()``, made once per GET request under ``key`` in its store
    ``name``; made afresh for a request that writes (or without a request)."""
    if request is None or request.get("REQUEST_METHOD") != "GET":
        return make()
    made = IAnnotations(request).setdefault(f"traite_portal.{name}", {})
    if key not in made:
        made[key] = make()
    return made[key]


@implementer(ISerializeToJsonSummary)
@adapter(ITraiteContent, IBrowserLayer)
class RequestCachedSummarySerializer(DefaultJSONSummarySerializer):
    """plone.restapi's summary, a copy of the one made earlier in the request."""

    def __call__(self):
        path = self.context.getPhysicalPath()
        return dict(once_per_read(self.request, "summaries", path, super().__call__))


@implementer(IObjectPrimaryFieldTarget)
@adapter(ITraiteContent, IBrowserLayer)
class RequestCachedPrimaryFieldTarget(DexterityObjectPrimaryFieldTarget):
    """plone.restapi's ``targetUrl``, the primary field's name found once per
    type (its schemata and behaviors are the type's)."""

    def get_primary_field_name(self):
        find = super().get_primary_field_name
        return once_per_read(
            self.request, "primary_fields", self.context.portal_type, find
        )
