"""The query string and form of pages (not REST), checked before the page runs.

Plone's pages read a few parameters without checking them: ``b_start`` and
``b_size`` with ``int()`` (every listing, ``@@search``, the feeds, the control
panels), the search pages pass the rest to the catalog, ``userid`` must name a
user. A value of the wrong type, a list where one value is expected, or text
that is not UTF-8 was a 500; it is now a 400 page with a French message
(``error_pages.BadInputPage``). The same checks as REST's where they overlap
(``query_params``).
"""

from plone import api
from plone.rest.interfaces import IAPIRequest
from traite_portal import _
from traite_portal.security.query_params import count_error
from traite_portal.security.query_params import search_parameter_errors
from zExceptions import BadRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
from ZPublisher.interfaces import IPubAfterTraversal

import re


# Parameter → smallest value (every page).
PAGING = {"b_start": 0, "b_size": 1}
# Pages whose query string is a catalog query.
SEARCH_PAGES = {"search", "ajax-search", "search_rss", "updated_search"}
# Parameters that name one user.
USER_PARAMETERS = ("userid",)
SURROGATE = re.compile("[\udc80-\udcff]")


class BadPageInput(BadRequest):
    """A page's parameter is malformed: its message is French, for the user."""


def _leaves(value):
    if isinstance(value, list | tuple):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    else:
        yield value


def _not_utf8(form: dict) -> list[Message]:
    for name, value in form.items():
        texts = [name, *(v for v in _leaves(value) if isinstance(v, str))]
        if any(SURROGATE.search(text) for text in texts):
            return [
                _(
                    "error_not_utf8",
                    default="Paramètre illisible : « ${name} » n'est pas du texte "
                    "UTF-8.",
                    mapping={"name": SURROGATE.sub("?", name)[:100]},
                )
            ]
    return []


def _one_value(name: str) -> Message:
    return _(
        "error_one_value",
        default="Paramètre invalide : « ${name} » attend une seule valeur.",
        mapping={"name": name},
    )


def _scalars(form: dict, names) -> list[Message]:
    return [_one_value(n) for n in names if isinstance(form.get(n), list | tuple)]


def _paging(form: dict) -> list[Message]:
    errors = []
    for name, minimum in PAGING.items():
        if name in form and not isinstance(form[name], list | tuple | int):
            error = count_error(name, form[name], minimum)
            errors += [error] if error is not None else []
    return errors


def _users(form: dict) -> list[Message]:
    for name in USER_PARAMETERS:
        value = form.get(name)
        if isinstance(value, str) and value and api.user.get(userid=value) is None:
            return [
                _(
                    "error_unknown_user",
                    default="Utilisateur inconnu : « ${user} ».",
                    mapping={"user": value[:100]},
                )
            ]
    return []


def _view_name(published) -> str:
    obj = getattr(published, "__self__", published)
    return getattr(obj, "__name__", "") or ""


def page_parameter_errors(published, form: dict) -> list[Message]:
    """What is wrong with a page's parameters (empty: nothing)."""
    errors = _not_utf8(form)
    errors = errors or _scalars(form, (*PAGING, *USER_PARAMETERS))
    errors = errors or _paging(form) or _users(form)
    if not errors and _view_name(published) in SEARCH_PAGES:
        errors = _scalars(form, ("SearchableText",)) or search_parameter_errors(form)
    return errors


def check_page_input(event: IPubAfterTraversal) -> None:
    """Refuse a page request whose parameters Plone's code would fail on."""
    request = event.request
    if IAPIRequest.providedBy(request) or not request.form:
        return
    errors = page_parameter_errors(request.get("PUBLISHED"), dict(request.form))
    if errors:
        raise BadPageInput(" ".join(translate(e, context=request) for e in errors))
