"""``@@version_file_view`` and ``@@version_image_view`` that refuse bad input.

CMFEditions registers both for every object: on anything but a file or an
image, or with a ``version_id`` that is not a version of the item, its
template fails (a 500/503 page, even for anonymous visitors). Here such a
request is a 400 page with a French message; a real file's version still
gets CMFEditions' own template.
"""

from Acquisition import aq_base
from pathlib import Path
from plone import api
from Products.CMFEditions import __file__ as cmfeditions_file
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from traite_portal import _
from zope.i18n import translate


TEMPLATES = Path(cmfeditions_file).parent / "browser" / "templates"


def version_view_error(context, version_id, field: str):
    """Why the version page cannot be shown (a message id), or ``None``."""
    if getattr(aq_base(context), field, None) is None:
        return _(
            "error_version_view_not_a_file",
            default="Cette page ne montre que les versions d'un fichier ou d'une "
            "image.",
        )
    if not (
        isinstance(version_id, str) and version_id.isascii() and version_id.isdigit()
    ):
        return _(
            "error_version_id_not_a_number",
            default="« version_id » doit être un numéro de version (voir "
            "l'historique).",
        )
    try:
        api.portal.get_tool("portal_repository").retrieve(context, int(version_id))
    except Exception:  # CMFEditions raises several classes for a missing version
        return _(
            "error_unknown_version",
            default="Version inconnue : voir @history pour les versions de l'élément.",
        )
    return None


class VersionFileView(BrowserView):
    """The file of one version of a File."""

    field = "file"
    template = ViewPageTemplateFile(str(TEMPLATES / "version_file_view.pt"))
    bad_request = ViewPageTemplateFile("bad_request.pt")

    def __call__(self) -> str:
        error = version_view_error(
            self.context, self.request.form.get("version_id"), self.field
        )
        if error is not None:
            self.request.response.setStatus(400)
            return self.bad_request(message=translate(error, context=self.request))
        return self.template()


class VersionImageView(VersionFileView):
    """The image of one version of an Image."""

    field = "image"
    template = ViewPageTemplateFile(str(TEMPLATES / "version_image_view.pt"))
