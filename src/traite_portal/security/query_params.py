"""The query string of REST services, checked before they run (one table).

For a catalog search (``@search``): paging parameters must be counts,
``sort_on`` a sortable index, a date index a date, a path's ``depth`` an
integer, a full-text query must parse; the indexes are the catalog's own
(enumerated), not a list typed here. ``@linkintegrity`` takes known UIDs.
"""

from DateTime import DateTime
from plone import api
from plone.app.uuid.utils import uuidToCatalogBrain
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.QueryParser import QueryParser
from traite_portal import _
from traite_portal.security.limits import limit
from zope.i18nmessageid import Message


# Paging parameter → smallest value allowed.
PAGING = {"b_size": 1, "b_start": 0, "sort_limit": 1, "limit": 1}
DATE_INDEXES = ("DateIndex", "DateRangeIndex", "DateRecurringIndex")
INTEGER_OPTIONS = {"depth", "navtree_start"}
MAX_COUNT = 2**31


def _values(value) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def _bad(name: str, value, expected: Message | str) -> Message:
    return _(
        "error_query_parameter",
        default="Paramètre invalide : « ${name} » vaut « ${value} », "
        "${expected} attendu.",
        mapping={"name": name, "value": str(value)[:100], "expected": expected},
    )


def count_error(name: str, value, minimum: int) -> Message | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not minimum <= number <= MAX_COUNT:
        return _bad(name, value, f"un nombre entier d'au moins {minimum}")
    return None


def _is_date(value) -> bool:
    try:
        DateTime(value)
    except Exception:  # DateTime raises a dozen classes of its own
        return False
    return True


def _parses(index, value) -> bool:
    try:
        QueryParser(index.getLexicon()).parseQuery(str(value))
    except ParseError:
        return False
    return True


def _index_error(catalog, name: str, value) -> Message | None:
    index_name, _dot, option = name.partition(".")
    if index_name not in catalog._catalog.indexes:
        return None
    index = catalog._catalog.getIndex(index_name)  # wrapped: finds its lexicon
    kind = index.meta_type
    if option in INTEGER_OPTIONS:
        return count_error(name, value, -1)
    if kind in DATE_INDEXES and option in ("", "query"):
        if not _is_date(value):
            return _bad(name, value, "une date (AAAA-MM-JJ)")
    if kind == "ZCTextIndex" and option in ("", "query") and str(value).strip():
        if not _parses(index, value):
            return _bad(
                name,
                value,
                "une recherche en texte libre valide (des mots de "
                f"{limit('index_token').value} caractères au plus)",
            )
    return None


def _sort_error(catalog, value) -> Message | None:
    indexes = catalog._catalog.indexes
    for name in str(value).split(","):
        index = indexes.get(name.strip())
        if index is None or not hasattr(index, "documentToKeyMap"):
            sortable = sorted(
                n for n, i in indexes.items() if hasattr(i, "documentToKeyMap")
            )
            return _bad(
                "sort_on", value, "un index triable (" + ", ".join(sortable) + ")"
            )
    return None


def search_parameter_errors(form: dict) -> list[Message]:
    """What is wrong with a search's query string, parameter by parameter."""
    catalog = api.portal.get_tool("portal_catalog")
    errors = []
    for name, value in form.items():
        for item in _values(value):
            if name in PAGING:
                error = count_error(name, item, PAGING[name])
            elif name == "sort_on":
                error = _sort_error(catalog, item)
            else:
                error = _index_error(catalog, name, item)
            if error is not None:
                errors.append(error)
                break
    return errors


def uid_errors(form: dict) -> list[Message]:
    """``uids`` must name items of the site."""
    for uid in _values(form.get("uids", [])):
        if not isinstance(uid, str) or uuidToCatalogBrain(uid) is None:
            return [
                _(
                    "error_unknown_uid",
                    default="Identifiant inconnu : « ${uid} » (paramètre « uids »).",
                    mapping={"uid": str(uid)[:100]},
                )
            ]
    return []


# (HTTP method, service name) → the check of its query string.
PARAMETERS = {
    ("GET", "@search"): search_parameter_errors,
    ("GET", "@linkintegrity"): uid_errors,
}


def common_errors(form: dict) -> list[Message]:
    """Paging and version parameters, as every service reads them."""
    for name, minimum in (*PAGING.items(), ("version", 0)):
        for item in _values(form.get(name, [])):
            if name == "version" and item == "current":
                continue
            error = count_error(name, item, minimum)
            if error is not None:
                return [error]
    return []


def parameter_errors(method: str, name: str, context, form: dict) -> list[Message]:
    """What is wrong with the query string of a call to the service."""
    check = PARAMETERS.get((method, name))
    return common_errors(form) + ([] if check is None else check(form))
