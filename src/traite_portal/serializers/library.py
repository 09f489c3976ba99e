"""REST listing of a text library: one batch sorted on an index, never all texts.

plone.restapi lists a folder's items sorted by position in parent with no
limit, a cost that grows with the library; here the catalog sorts on
``sortable_title`` and stops at the requested batch.
"""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from traite_portal.interfaces import IBrowserLayer
from traite_portal.interfaces import ITextLibrary
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(ITextLibrary, IBrowserLayer)
class SerializeLibraryToJson(SerializeFolderToJson):
    """A library's items by title, batched in the catalog query itself."""

    def _build_query(self) -> dict:
        query = super()._build_query()
        # The same b_start/b_size as the batch that will wrap the results.
        batch = HypermediaBatch(self.request, [])
        query.update(
            sort_on="sortable_title", b_start=batch.b_start, b_size=batch.b_size
        )
        return query
