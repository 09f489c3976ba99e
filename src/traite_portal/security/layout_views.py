"""Classic UI's view selection (display menu, « select_default_view ») in French.

Plone's pages ignore an unknown view silently (the display menu's
``selectViewTemplate``) or answer « Invalid view. » in English; on the
portal's items they say what is wrong, in French, and change nothing. The
value itself is checked by ``security.layout`` on every path.
"""

from plone.app.content.browser.selection import DefaultViewSelectionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from traite_portal import _
from traite_portal.security.layout import layout_error
from zope.i18n import translate

import os.path
import plone.app.content.browser


PLONE_TEMPLATES = os.path.join(
    os.path.dirname(plone.app.content.browser.__file__), "templates"
)


class ViewTemplateSelection(DefaultViewSelectionView):
    """``@@select_default_view`` and ``@@selectViewTemplate`` on portal items."""

    index = ViewPageTemplateFile("select_default_view.pt", _prefix=PLONE_TEMPLATES)

    def _message(self, message, kind: str) -> None:
        text = translate(message, context=self.request)
        IStatusMessage(self.request).add(text, type=kind)

    def _refused(self, template_id) -> bool:
        error = layout_error(self.context, template_id)
        if error is not None:
            self._message(error, "error")
        return error is not None

    def _select(self, template_id) -> None:
        if not self._refused(template_id):
            self.context.setLayout(template_id)
            self._message(_("info_layout_changed", default="Vue modifiée."), "info")

    def selectViewTemplate(self):
        """The display menu's link: select the view, back to the item."""
        self._select(self.request.get("templateId"))
        self.request.response.redirect(self.context.absolute_url() + "/view")

    def __call__(self):
        form = self.request.form
        if form.get("form.button.Save") and form.get("templateId"):
            self._select(form["templateId"])
            self.request.response.redirect(self.context.absolute_url() + "/view")
            return ""
        return super().__call__()
