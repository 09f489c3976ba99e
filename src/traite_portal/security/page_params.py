"""The query string and form of pages (not REST), checked before the page runs.

Plone's pages read a few parameters without checking them: ``b_start`` and
``b_size`` with ``int()`` (every listing, ``@@search``, the feeds, the control
panels), the search pages pass the rest to the catalog, ``userid`` must name
a user on the user pages. A value of the wrong type, a list where one value
is expected, or text that is not UTF-8 was a 500; it is now a 400 page with a
French message
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
# Pages where an administrator names the user to edit (``userid``). Not the
# password reset form: its ``userid`` is a login, and whether it exists is
# not for anonymous visitors to learn.
USER_PAGES = {"personal-preferences", "change-password", "user-information"}
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


def page_parameter_errors(form: dict) -> list[Message]:
    """What is wrong with the parameters every page may read (empty: nothing)."""
    return _not_utf8(form) or _scalars(form, PAGING) or _paging(form)


def search_page_errors(published, form: dict) -> list[Message]:
    """A search page's query string (against the catalog), a user page's user."""
    name = _view_name(published)
    if name in USER_PAGES:
        return _scalars(form, USER_PARAMETERS) or _users(form)
    if name not in SEARCH_PAGES:
        return []
    return _scalars(form, ("SearchableText",)) or search_parameter_errors(form)


def _refuse(request, errors) -> None:
    if errors:
        raise BadPageInput(" ".join(translate(e, context=request) for e in errors))


def check_page_form(site, event) -> None:
    """Traversing the site: the parameters every page may read (listings read
    ``b_start`` as their view is made, during traversal)."""
    request = event.request
    if not IAPIRequest.providedBy(request) and request.form:
        _refuse(request, page_parameter_errors(dict(request.form)))


def check_search_page(event: IPubAfterTraversal) -> None:
    """After traversal: a search page's catalog query."""
    request = event.request
    if not IAPIRequest.providedBy(request) and request.form:
        form = dict(request.form)
        _refuse(request, search_page_errors(request.get("PUBLISHED"), form))
