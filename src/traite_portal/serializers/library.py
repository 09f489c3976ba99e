"""REST listing of a text library: one batch sorted by title, never all texts.

plone.restapi lists a folder's items sorted by position in parent with no
limit, a cost that grows with the library; here the batch is taken by walking
the ``sortable_title`` index (``listing.sorted_batch``), so a page costs the
same with 35 texts or 30,000.
"""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.deserializer import boolean_value
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from Products.CMFCore.utils import getToolByName
from traite_portal.interfaces import IBrowserLayer
from traite_portal.interfaces import ITextLibrary
from traite_portal.listing.sorted_batch import sorted_batch
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(ITextLibrary, IBrowserLayer)
class SerializeLibraryToJson(SerializeFolderToJson):
    """A library's items by title, one batch taken from the sort index."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        # The folder serializer's own item listing would query every item:
        # take the content's serialization from its base and list items here.
        result = SerializeToJson.__call__(
            self, version=version, include_expansion=include_expansion
        )
        result["is_folderish"] = True
        include_items = self.request.form.get("include_items", include_items)
        if not boolean_value(include_items):
            return result
        # The same b_start/b_size as the batch that will wrap the results.
        wanted = HypermediaBatch(self.request, [])
        brains = sorted_batch(
            getToolByName(self.context, "portal_catalog"),
            self._build_query(),
            "sortable_title",
            False,
            wanted.b_start,
            wanted.b_size,
        )
        batch = HypermediaBatch(self.request, brains)
        result["items_total"] = batch.items_total
        if batch.links:
            result["batching"] = batch.links
        if "fullobjects" in list(self.request.form):
            result["items"] = getMultiAdapter((brains, self.request), ISerializeToJson)(
                fullobjects=True
            )["items"]
        else:
            result["items"] = [
                getMultiAdapter((brain, self.request), ISerializeToJsonSummary)()
                for brain in batch
            ]
        return result

    def _build_query(self) -> dict:
        query = super()._build_query()
        query.pop("sort_on", None)
        return query
