"""An item's view template and default page: the type's own, chosen by whom may.

Plone stores the view template (``layout``) and a folder's default page
(``default_page``) as properties and checks neither the value nor, on the
REST path, the « Modify view template » permission: any editor could PATCH
``layout`` to ``logout`` or ``@@search`` and make the item unusable. The
check sits where every path ends (``setLayout``, and the property setters
that the ZMI's ``manage_*Properties`` and ``setDefaultPage`` use), so the
REST PATCH, the Classic forms and any other path all go through it.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from plone.dexterity.content import FTIAwareSpecification
from traite_portal import _
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message


MODIFY_VIEW_TEMPLATE = "Modify view template"
LAYOUT = "layout"
DEFAULT_PAGE = "default_page"


def view_methods(item) -> tuple[str, ...]:
    """The view templates the item's type offers (its FTI's ``view_methods``)."""
    fti = item.getTypeInfo()
    return tuple(fti.getAvailableViewMethods(item)) if fti is not None else ()


def layout_error(item, layout) -> Message | None:
    """Why ``layout`` cannot be the item's view template, or None."""
    choices = view_methods(item)
    if isinstance(layout, str) and layout in choices:
        return None
    return _(
        "error_layout_unknown",
        default="« ${layout} » n'est pas une vue de ce type de contenu. Vues "
        "possibles : ${choices}.",
        mapping={"layout": str(layout)[:100], "choices": ", ".join(choices)},
    )


def default_page_error(item, pages) -> Message | None:
    """Why ``pages`` (an id or a list of ids) cannot be the default page, or None."""
    values = [pages] if isinstance(pages, str) else pages
    ids = set(item.objectIds()) if getattr(item, "isPrincipiaFolderish", 0) else set()
    if isinstance(values, list | tuple) and all(value in ids for value in values):
        return None
    return _(
        "error_default_page_unknown",
        default="La page par défaut doit être un élément de ce dossier.",
    )


def _fail(exception_class, message: Message):
    raise exception_class(translate(message, context=getRequest()))


def check_view_template(item, name: str, value) -> None:
    """Refuse a view template or default page: 400 if unknown, 403 if not allowed."""
    error = (
        layout_error(item, value) if name == LAYOUT else default_page_error(item, value)
    )
    if error is not None:
        _fail(BadRequest, error)
    if not getSecurityManager().checkPermission(MODIFY_VIEW_TEMPLATE, item):
        _fail(
            Forbidden,
            _(
                "error_layout_forbidden",
                default="Vous n'avez pas le droit de choisir la vue ou la page "
                "par défaut de cet élément (permission « Modify view "
                "template »).",
            ),
        )


class ViewTemplateGuard:
    """Mixin for the portal's content classes (before Plone's Item/Container).

    No docstrings on the methods: Zope would publish them over HTTP.
    """

    # Coming first in the content class's bases, the mixin would otherwise get
    # zope.interface's plain descriptor, hiding Dexterity's, which adds the
    # type's schema and behaviors to what the item provides.
    __providedBy__ = FTIAwareSpecification()

    def setLayout(self, layout):
        # Plone raises a bare ValueError (a 500) for a non-string layout:
        # check the value first; the permission is checked when it is stored.
        error = layout_error(self, layout)
        if error is not None:
            _fail(BadRequest, error)
        return super().setLayout(layout)

    def _setProperty(self, id, value, type="string"):
        if id in (LAYOUT, DEFAULT_PAGE):
            check_view_template(self, id, value)
        return super()._setProperty(id, value, type)

    def _updateProperty(self, id, value):
        if id in (LAYOUT, DEFAULT_PAGE) and value != getattr(aq_base(self), id, None):
            check_view_template(self, id, value)
        return super()._updateProperty(id, value)
