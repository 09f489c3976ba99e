"""GET ``<site or folder>/@akn-documents?UID=…``: several Akoma Ntoso documents.

For sync clients, which would otherwise ask ``<item>/@akn`` once per item: the
documents of up to ``MAX_UIDS`` items below the context in one request, each
exactly as ``<item>/@akn`` gives it (the same bytes once encoded in UTF-8).
Items the user may not view, or that are not there, are listed in
``missing`` and nothing else is said of them.
"""

from AccessControl import getSecurityManager
from plone import api
from plone.restapi.services import Service
from traite_portal import _
from traite_portal.akn.export import item_to_akn
from traite_portal.interfaces import ITraiteContent
from traite_portal.services.errors import error_answer


MAX_UIDS = 50


class AknDocumentsGet(Service):
    """``{"items": [{"@id", "UID", "document"}], "missing": [uid, …]}``."""

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
        security = getSecurityManager()
        items = []
        # The catalog answers only what the user may view, below the context.
        for brain in api.content.find(context=self.context, UID=list(uids)):
            obj = brain.getObject()
            if not ITraiteContent.providedBy(obj):
                continue
            if not security.checkPermission("View", obj):
                continue
            items.append(
                {
                    "@id": obj.absolute_url(),
                    "UID": brain.UID,
                    "document": item_to_akn(obj).decode("utf-8"),
                }
            )
        found = {item["UID"] for item in items}
        return {
            "@id": f"{self.context.absolute_url()}/@akn-documents",
            "items": items,
            "missing": [uid for uid in dict.fromkeys(uids) if uid not in found],
        }
