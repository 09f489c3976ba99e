"""Views and services of an add-on that is not installed on the site: not found.

Plone ships add-ons whose code is loaded (their ZCML registers views and
plone.restapi registers services for them) but whose profile a site may not
install. This portal installs none of those below: their views and services
are reachable on every object anyway and fail (``@workingcopy`` with
``Could not adapt … ICheckinCheckoutPolicy``, ``@@babel_utils`` with a
``TypeError``, the caching control panels with a ``KeyError``). When a
path names one of their views or services (``@@babel_utils``,
``@workingcopy``), as traversal enters the site, it is answered 404 (« not
found ») while the add-on's profile is not installed; installing it makes
them work again. A name that another package registers too is left alone.
"""

from Acquisition import aq_base
from Products.CMFCore.utils import getToolByName
from Products.GenericSetup.tool import UNKNOWN
from traite_portal import _
from traite_portal.security.helper_views import is_helper
from typing import NamedTuple
from zExceptions import NotFound
from zope.component import getSiteManager
from zope.i18n import translate
from zope.publisher.interfaces.browser import IBrowserRequest


class Feature(NamedTuple):
    """An optional add-on, and the modules whose views and services need it."""

    profile: str
    modules: tuple[str, ...]
    why: str


FEATURES = (
    Feature(
        "plone.app.iterate:default",
        ("plone.app.iterate", "plone.restapi.services.workingcopy"),
        "Working copies: the review workflows already keep drafts apart from "
        "published texts.",
    ),
    Feature(
        "plone.app.multilingual:default",
        ("plone.app.multilingual", "plone.restapi.services.multilingual"),
        "Translations: the portal is in French only.",
    ),
    Feature(
        "plone.app.caching:default",
        ("plone.app.caching",),
        "HTTP caching rules: caching belongs to the reverse proxy.",
    ),
    Feature(
        "Products.CMFPlacefulWorkflow:CMFPlacefulWorkflow",
        ("Products.CMFPlacefulWorkflow",),
        "Workflow policies per folder: each type has one workflow, bound by the "
        "profile.",
    ),
)


def _factory_modules(factory) -> frozenset[str]:
    """The modules a view's or service's factory comes from: its classes, and
    its page template's package (a ``browser:page`` with a template only has
    a generated class)."""
    classes = factory.__mro__ if isinstance(factory, type) else (type(factory),)
    modules = {cls.__module__ for cls in classes}
    for attribute in ("index", "template"):
        template = getattr(getattr(factory, attribute, None), "filename", None)
        if isinstance(template, str):
            modules.add(template.replace("/", "."))
    return frozenset(modules)


def _belongs(modules: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    return any(
        module == prefix or module.startswith(f"{prefix}.") or f".{prefix}." in module
        for module in modules
        for prefix in prefixes
    )


def _registrations(registry, seen: set):
    if id(registry) in seen:
        return
    seen.add(id(registry))
    yield from registry.registeredAdapters()
    for base in registry.__bases__:
        yield from _registrations(base, seen)


def _published_name(registration_name: str) -> str:
    """``@@name`` for a view, ``@name`` for a plone.rest service
    (registered as ``GET_application_json_@name``)."""
    parts = registration_name.split("_", 3)
    if len(parts) == 4 and parts[0].isupper() and parts[3].startswith("@"):
        return parts[3]
    return registration_name


# Kept on the registry itself (unwrapped): the site's registry comes wrapped
# in the site (a new wrapper at each request), and a persistent registry
# that changes drops its volatile attributes, the index with them.
INDEX_ATTRIBUTE = "_v_traite_published_index"


def _index() -> dict[str, list[frozenset[str]]]:
    """Published name → the modules of each view or service of that name."""
    registry = aq_base(getSiteManager())
    index = getattr(registry, INDEX_ATTRIBUTE, None)
    if index is None:
        index = {}
        for registration in _registrations(registry, set()):
            required = registration.required
            if len(required) != 2 or not registration.name:
                continue
            if not required[1].isOrExtends(IBrowserRequest):
                continue
            name = _published_name(registration.name)
            index.setdefault(name, []).append(_factory_modules(registration.factory))
        setattr(registry, INDEX_ATTRIBUTE, index)
    return index


def missing_features(site) -> list[Feature]:
    """The features whose add-on the site has not installed."""
    setup = getToolByName(site, "portal_setup", None)
    if setup is None:
        return []
    return [
        feature
        for feature in FEATURES
        if setup.getLastVersionForProfile(feature.profile) == UNKNOWN
    ]


def unavailable(name: str, missing: list[Feature]) -> bool:
    """Whether every view or service called ``name`` belongs to a missing add-on."""
    registered = _index().get(name.removeprefix("@@"))
    prefixes = tuple(prefix for feature in missing for prefix in feature.modules)
    return bool(registered) and all(_belongs(m, prefixes) for m in registered)


def refuse_unpublishable(site, event) -> None:
    """Traversing the site: 404 for a path that names a view or service of an
    add-on the site has not installed, or a view that is not a page
    (``helper_views``), before the view is even made (some fail as they are
    created)."""
    request = event.request
    names = request.get("TraversalRequestNameStack") or []
    if not names:
        return
    # The stack is reversed: names[0] is the last segment.
    if any(is_helper(name, index == 0) for index, name in enumerate(names)):
        message = _(
            "error_not_a_page",
            default="Page introuvable : cette adresse désigne un élément interne "
            "du portail, pas une page.",
        )
        raise NotFound(translate(message, context=request))
    missing = missing_features(site)
    if not missing or not any(unavailable(name, missing) for name in names):
        return
    message = _(
        "error_feature_not_installed",
        default="Cette fonction n'est pas disponible sur ce portail : le module "
        "qui la fournit n'est pas installé.",
    )
    raise NotFound(translate(message, context=request))
