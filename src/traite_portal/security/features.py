"""Views and services of an add-on that is not installed on the site: not found.

Plone ships add-ons whose code is loaded (their ZCML registers views and
plone.restapi registers services for them) but whose profile a site may not
install. This portal installs none of those below: their views and services
are reachable on every object anyway and fail (``@workingcopy`` with
``Could not adapt … ICheckinCheckoutPolicy``, ``@@babel_utils`` with a
``TypeError``, the caching control panels with a ``KeyError``). After
traversal, what would be published is answered 404 (« not found ») while the
add-on's profile is not installed; installing it makes them work again.
"""

from Products.CMFCore.utils import getToolByName
from Products.GenericSetup.tool import UNKNOWN
from traite_portal import _
from typing import NamedTuple
from zExceptions import NotFound
from zope.component.hooks import getSite
from zope.i18n import translate
from ZPublisher.interfaces import IPubAfterTraversal


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


def _modules(published) -> set[str]:
    """The modules of what is published: its classes, and its page template's
    package (a ``browser:page`` with a template only has a generated class)."""
    obj = getattr(published, "__self__", published)  # a view's method
    modules = {cls.__module__ for cls in type(obj).__mro__}
    template = getattr(getattr(obj, "index", None), "filename", None)
    if isinstance(template, str):
        modules.add(template.replace("/", "."))
    return modules


def _belongs(modules: set[str], prefix: str) -> bool:
    return any(
        module == prefix or module.startswith(f"{prefix}.") or f".{prefix}." in module
        for module in modules
    )


def missing_feature(published) -> Feature | None:
    """The add-on that ``published`` belongs to, when it is not installed."""
    modules = _modules(published)
    for feature in FEATURES:
        if not any(_belongs(modules, prefix) for prefix in feature.modules):
            continue
        setup = getToolByName(getSite(), "portal_setup", None)
        if setup is not None and (
            setup.getLastVersionForProfile(feature.profile) == UNKNOWN
        ):
            return feature
    return None


def refuse_missing_feature(event: IPubAfterTraversal) -> None:
    """404 for a view or service of an add-on the site has not installed."""
    request = event.request
    published = request.get("PUBLISHED")
    if published is None or missing_feature(published) is None:
        return
    message = _(
        "error_feature_not_installed",
        default="Cette fonction n'est pas disponible sur ce portail : le module "
        "qui la fournit n'est pas installé.",
    )
    raise NotFound(translate(message, context=request))
