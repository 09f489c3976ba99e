"""GET ``<item>/@akn``: the item as an Akoma Ntoso 3.0 document.

A view rather than a JSON service: it answers whatever the ``Accept`` header
(``curl`` as a browser), and REST clients asking for JSON reach it too.
"""

from Products.Five.browser import BrowserView
from traite_portal.akn.export import filename
from traite_portal.akn.export import item_to_akn
from traite_portal.akn.meta import MEDIA_TYPE


class AknGet(BrowserView):
    """The document: the plan whole, a library as a collection, an item alone."""

    def __call__(self) -> bytes:
        data = item_to_akn(self.context)
        response = self.request.response
        response.setHeader("Content-Type", f"{MEDIA_TYPE}; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'inline; filename="{filename(self.context)}"'
        )
        return data
