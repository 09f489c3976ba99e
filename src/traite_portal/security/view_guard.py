"""Nothing is published in the context of a content item the user may not view.

Plone and its add-ons register public views for every object (``@@title``,
``@@sitemap``, ``@@passwordreset``, skin scripts, REST services…): published
on a draft, they show its title to anyone. After traversal, this guard looks
at every content item on the way to the published object and refuses
(``Unauthorized``: Plone's login page, or a 401 over REST) when the user may
not view one of them. A hidden *container* of a viewable item does not
count: a public text in a private folder stays public (its breadcrumbs skip
the folder, ``browser/breadcrumbs.py``). The few exceptions are data, in
``security/unguarded.py``.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from plone.rest.traverse import RESTWrapper
from Products.CMFCore.interfaces import IDynamicType
from Products.CMFCore.utils import _checkPermission
from traite_portal import _
from traite_portal.security.unguarded import is_unguarded_item
from traite_portal.security.unguarded import is_unguarded_request
from zExceptions import Unauthorized
from zope.i18n import translate
from ZPublisher.interfaces import IPubAfterTraversal


def _unwrap(obj):
    """The object a REST traversal wrapper stands for."""
    return obj.context if isinstance(obj, RESTWrapper) else obj


def traversed_objects(request) -> list:
    """What the request went through, from the root to the published object.

    ``PARENTS`` holds the traversal path (innermost first); a view or a
    bound method adds its context, which may not be on that path.
    """
    published = request.get("PUBLISHED")
    objects = [_unwrap(obj) for obj in reversed(request.get("PARENTS", []))]
    for attribute in ("context", "__self__"):
        context = getattr(published, attribute, None)
        if context is not None:
            objects.append(_unwrap(context))
    objects.append(published)
    return objects


def content_items(objects: list) -> list:
    """The content items among ``objects`` (each once, outermost first)."""
    items, seen = [], set()
    for obj in objects:
        if not IDynamicType.providedBy(obj) or is_unguarded_item(obj):
            continue
        if id(aq_base(obj)) not in seen:
            seen.add(id(aq_base(obj)))
            items.append(obj)
    return items


def _contains(container, item) -> bool:
    """Whether ``container`` physically holds ``item`` (not by acquisition)."""
    outer = aq_inner(container).getPhysicalPath()
    return aq_inner(item).getPhysicalPath()[: len(outer)] == outer


def hidden_item(request):
    """The content item on the request's way that the user may not view.

    The innermost item (the context of what is published) must be viewable;
    an outer one must be too, unless it is a real container of the innermost
    (a public text in a private folder), not an item it was acquired through.
    """
    items = content_items(traversed_objects(request))
    if not items:
        return None
    target = items[-1]
    for item in items:
        if _checkPermission("View", item):
            continue
        if item is target or not _contains(item, target):
            return item
    return None


def refuse_hidden_context(event: IPubAfterTraversal) -> None:
    """Refuse a request published in the context of an item the user may not view."""
    request = event.request
    if is_unguarded_request(request) or hidden_item(request) is None:
        return
    message = _(
        "error_hidden_context",
        default="Vous n'avez pas le droit de consulter cet élément.",
    )
    raise Unauthorized(translate(message, context=request))
