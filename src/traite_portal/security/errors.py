"""Exceptions of core code answered with a French message instead of a 500.

plone.rest renders any exception of a REST request as JSON with the status
Zope gives its class: these classes are not HTTP errors, so they were 500s.
Bad input raises the first group (answered 400); an unreachable mail server
the second (answered 503 with ``Retry-After``: the request was valid, the
server cannot serve it now, the client may retry; 400 would tell it not to).
Their own text can hold internal details (an index's repr, a socket error)
and is never shown.
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
    "Products.ZCTextIndex.ParseTree.QueryError": _(
        "error_text_query_glob",
        default="Recherche en texte libre invalide : un mot ne peut pas commencer "
        "par * ou ?.",
    ),
    "DateTime.interfaces.DateTimeError": _(
        "error_date", default="Date invalide : format attendu AAAA-MM-JJ."
    ),
}


MAIL_SERVER_DOWN = _(
    "error_mail_server_down",
    default="Le serveur de courrier est injoignable : aucun message n'a été "
    "envoyé et rien n'a été enregistré. Réessayez plus tard.",
)

# Dotted class name → the same message: the mail server cannot be reached.
UNAVAILABLE = {
    "smtplib.SMTPException": MAIL_SERVER_DOWN,
    "builtins.ConnectionError": MAIL_SERVER_DOWN,
    "socket.gaierror": MAIL_SERVER_DOWN,
}


def _first_row(table: dict, exception):
    for cls in type(exception).__mro__:
        row = table.get(f"{cls.__module__}.{cls.__qualname__}")
        if row is not None:
            return row
    return None


def message_for(exception):
    """The French message for ``exception`` (``None``: not one of ours)."""
    return _first_row(MESSAGES, exception) or _first_row(UNAVAILABLE, exception)


class BadInputErrorHandling(ErrorHandling):
    """plone.rest's JSON error view, with status 400 and a French message."""

    status = 400
    error_type = "BadRequest"

    def render_exception(self, exception) -> dict:
        result = super().render_exception(exception) or {}
        result.pop("traceback", None)
        result["type"] = self.error_type
        result["message"] = translate(message_for(exception), context=self.request)
        return result

    def __call__(self) -> None:
        data = self.render_exception(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(self.status, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True  # as plone.rest: no login redirect


class UnavailableErrorHandling(BadInputErrorHandling):
    """503 with ``Retry-After``: a server the request needs cannot be reached."""

    status = 503
    error_type = "ServiceUnavailable"
    retry_after_seconds = 120

    def __call__(self) -> None:
        super().__call__()
        self.request.response.setHeader("Retry-After", str(self.retry_after_seconds))


class FormErrorsHandling(ErrorHandling):
    """A 400 whose message is plone.restapi's ``{"errors": [exceptions]}``
    (``@comments`` runs the comment form) says the errors in plain text."""

    def render_exception(self, exception) -> dict:
        result = super().render_exception(exception)
        detail = exception.args[0] if exception.args else None
        if isinstance(result, dict) and isinstance(detail, dict):
            errors = detail.get("errors")
            if isinstance(errors, list | tuple) and errors:
                result["message"] = " ".join(
                    translate(_error_text(error), context=self.request)
                    for error in errors
                )
        return result


def _error_text(error) -> str:
    if hasattr(error, "doc") and not error.args:
        return error.doc()  # zope.schema errors: their class says what is wrong
    return error.args[0] if error.args else str(error)


UNREADABLE = _(
    "error_unreadable_request",
    default="Requête illisible : paramètres ou corps de formulaire invalides "
    "(par exemple un convertisseur « :int » sur un texte, ou un formulaire "
    "multipart sans « boundary »).",
)


class InputProcessingErrorHandling(ErrorHandling):
    """Errors raised while Zope reads the request's form and body, before
    traversal (``:int`` converters, a multipart body without boundary): 400.
    Raised later, the same classes are bugs and stay plone.rest's 500."""

    def __call__(self) -> None:
        if "PUBLISHED" in self.request.other:
            return super().__call__()
        data = super().render_exception(self.context) or {}
        data.pop("traceback", None)
        data.update(
            type="BadRequest", message=translate(UNREADABLE, context=self.request)
        )
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True
