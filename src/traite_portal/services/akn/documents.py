"""GET ``<site or folder>/@akn-documents?UID=…``: several Akoma Ntoso documents.

For sync clients, which would otherwise ask ``<item>/@akn`` once per item: the
documents of up to ``MAX_UIDS`` items below the context in one request, each
exactly as ``<item>/@akn`` gives it (the same bytes once encoded in UTF-8).
Items the user may not view, or that are not there, are listed in
``missing`` and nothing else is said of them.

With ``fullobjects`` (as ``@search`` names it) each item also carries its
``representation``, the JSON ``@search?fullobjects`` gives it: a mirror gets
both files of a batch in one request, each object loaded once. Every item
is then listed, a type without a document with ``document`` null, and so is
a library, whose document gathers its texts' documents (each one an item of
its own; ``<library>/@akn`` gives it whole).
"""

from AccessControl import getSecurityManager
from collections.abc import Iterator
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services import Service
from traite_portal import _
from traite_portal.akn.export import item_to_akn
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.interfaces import ITraiteContent
from traite_portal.services.errors import error_answer
from zope.component import getMultiAdapter

import json


MAX_UIDS = 50
# Types whose document is a collection of other items' documents.
COLLECTIONS = frozenset(
    name for name, kind in DOCUMENTS.items() if kind.element == "documentCollection"
)


def below(context):
    """The ``context`` of a catalog query for the items below ``context``:
    None for the site, whose items are all the catalog holds. A path query
    on the site makes the path index list every item of the catalog, at
    each query (5 ms at 100,000 items, for a batch of 50)."""
    return None if IPloneSiteRoot.providedBy(context) else context


def viewable_objects(brains, context) -> Iterator[tuple]:
    """``(brain, object)`` of each object the user may view, in order.

    As ``brain.getObject()``, but each container is traversed once: the items
    of a batch are mostly siblings, and traversing from the root for each one
    cost more than the item itself.
    """
    security = getSecurityManager()
    parents: dict[str, object] = {}
    for brain in brains:
        parent_path, _, name = brain.getPath().rpartition("/")
        if parent_path not in parents:
            parents[parent_path] = context.unrestrictedTraverse(parent_path, None)
        parent = parents[parent_path]
        obj = None if parent is None else parent._getOb(name, None)
        if obj is not None and security.checkPermission("View", obj):
            yield brain, obj


class AknDocumentsGet(Service):
    """``{"items": [{"@id", "UID", "document"}], "missing": [uid, …]}``."""

    def render(self):
        # Compact JSON: the standard encoder's fast path, where plone.restapi's
        # indented output runs the pure-Python one over every document.
        self.check_permission()
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(self.reply(), separators=(",", ":"))

    def reply(self) -> dict:
        uids = self.request.form.get("UID") or []
        if isinstance(uids, str):
            uids = [uids]
        if not uids or len(uids) > MAX_UIDS:
            message = _(
                "akn_documents_error_uids",
                default="Donnez de 1 à ${limit} identifiants (paramètre UID, "
                "répété) ; reçu : ${count}.",
                mapping={"limit": MAX_UIDS, "count": len(uids)},
            )
            return error_answer(self.request, message)
        fullobjects = "fullobjects" in self.request.form
        items = []
        # The catalog answers only what the user may view, below the context.
        brains = api.content.find(context=below(self.context), UID=list(uids))
        for brain, obj in viewable_objects(brains, self.context):
            entry = {"@id": obj.absolute_url(), "UID": brain.UID}
            if fullobjects:
                entry["representation"] = self._representation(obj)
                entry["document"] = self._own_document(obj)
            elif ITraiteContent.providedBy(obj):
                entry["document"] = item_to_akn(obj).decode("utf-8")
            else:
                continue
            items.append(entry)
        found = {item["UID"] for item in items}
        return {
            "@id": f"{self.context.absolute_url()}/@akn-documents",
            "items": items,
            "missing": [uid for uid in dict.fromkeys(uids) if uid not in found],
        }

    def _representation(self, obj) -> dict:
        """What ``@search?fullobjects`` gives of ``obj``."""
        serializer = getMultiAdapter((obj, self.request), ISerializeToJson)
        return serializer(include_items=False)

    @staticmethod
    def _own_document(obj) -> str | None:
        """The item's own document; None for a type without one, or a library."""
        if not ITraiteContent.providedBy(obj) or obj.portal_type in COLLECTIONS:
            return None
        return item_to_akn(obj).decode("utf-8")
