"""Bad input to a page: a French 400 page instead of Plone's 500 page.

The exceptions of ``errors.MESSAGES`` (an unknown version, a date that does
not parse, a catalog query that makes no sense…) are bad input wherever they
are raised; REST requests get them as JSON (``errors.BadInputErrorHandling``),
pages get Plone's layout with the message, status 400; so do a page's
malformed parameters (``page_params``).
"""

from plone.rest.interfaces import IAPIRequest
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from traite_portal.security.errors import BadInputErrorHandling
from traite_portal.security.errors import message_for
from traite_portal.security.page_params import BadPageInput
from zope.i18n import translate


class BadInputPage(BrowserView):
    """Plone's page with the French message, status 400."""

    template = ViewPageTemplateFile("bad_request.pt")

    def __call__(self) -> str | None:
        if IAPIRequest.providedBy(self.request):
            return BadInputErrorHandling(self.context, self.request)()
        if isinstance(self.context, BadPageInput):
            message = str(self.context)  # already French (page_params)
        else:
            message = translate(message_for(self.context), context=self.request)
        response = self.request.response
        response.setStatus(400, lock=1)
        # The page is rendered in the context the error happened in.
        self.context = self.__parent__
        try:
            return self.template(message=message)
        except Exception:  # the layout itself may fail on such a request
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return message
