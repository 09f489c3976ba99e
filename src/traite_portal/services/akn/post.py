"""POST ``<site or container>/@akn-import``: import one Akoma Ntoso document.

The body is the XML (``Content-Type: application/xml``). Its top item is
created or updated inside the context, as the user (Plone's add, modify and
workflow permissions apply). A refused document answers 400 (413 when too
large, 403 when a permission is missing) with a French message, and the
transaction is doomed: nothing is written.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from traite_portal import _
from traite_portal.akn.errors import AknError
from traite_portal.akn.importer import import_documents
from traite_portal.akn.limits import MAX_BYTES
from traite_portal.services.errors import error_answer
from zope.interface import alsoProvides

import transaction


XML_TYPES = ("application/xml", "text/xml", "application/akn+xml")


def _body(request) -> bytes:
    """The request body, read up to one byte past the limit."""
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip()
    body = request.get("BODYFILE")
    if content_type not in XML_TYPES or body is None:
        raise AknError(
            _(
                "akn_error_content_type",
                default="Envoyez le document XML avec l'en-tête Content-Type: "
                "application/xml (reçu : « ${found} »).",
                mapping={"found": content_type},
            ),
            status=415,
        )
    body.seek(0)
    return body.read(MAX_BYTES + 1)


class AknImportPost(Service):
    """The import report (created, updated, unchanged per type), or the error."""

    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            report = import_documents(self.context, [_body(self.request)])
        except AknError as error:
            transaction.doom()
            return error_answer(self.request, error.french(), error.status, "AknError")
        return report.as_dict()
