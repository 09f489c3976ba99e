"""Exceptions that core code raises on bad input, answered 400 in French.

plone.rest renders any exception of a REST request as JSON with the status
Zope gives its class: these classes are not HTTP errors, so they were 500s.
Each is mapped here to a 400 and a French message (their own text can hold
internal details, such as an index's repr, and is not shown).
"""

from plone.rest.errors import ErrorHandling
from traite_portal import _
from zope.i18n import translate

import json


# Dotted class name → French message (one row per class, see limits.zcml).
MESSAGES = {
    "plone.restapi.exceptions.DeserializationError": _(
        "error_deserialization",
        default="Corps de la requête invalide : un objet JSON est attendu.",
    ),
    "plone.restapi.exceptions.QueryParsingError": _(
        "error_query_parsing",
        default="Paramètre de recherche invalide : une valeur n'a pas le type "
        "attendu par l'index.",
    ),
    "Products.CMFEditions.interfaces.IArchivist.ArchivistRetrieveError": _(
        "error_unknown_version",
        default="Version inconnue : voir @history pour les versions de l'élément.",
    ),
    "Products.ZCatalog.Catalog.CatalogError": _(
        "error_catalog_query",
        default="Recherche invalide : index ou critère de tri inconnu.",
    ),
    "Products.ZCTextIndex.ParseTree.ParseError": _(
        "error_text_query",
        default="Recherche en texte libre invalide.",
    ),
    "DateTime.interfaces.DateTimeError": _(
        "error_date", default="Date invalide : format attendu AAAA-MM-JJ."
    ),
}


def message_for(exception):
    for cls in type(exception).__mro__:
        message = MESSAGES.get(f"{cls.__module__}.{cls.__qualname__}")
        if message is not None:
            return message
    return None


class BadInputErrorHandling(ErrorHandling):
    """plone.rest's JSON error view, with status 400 and a French message."""

    status = 400

    def render_exception(self, exception) -> dict:
        result = super().render_exception(exception) or {}
        result["type"] = "BadRequest"
        result["message"] = translate(message_for(exception), context=self.request)
        return result

    def __call__(self) -> None:
        data = self.render_exception(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(self.status, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True  # as plone.rest: no login redirect
