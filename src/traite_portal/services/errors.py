"""The error answer of the portal's own REST services.

plone.restapi answers its errors as ``{"error": {"type", "message"}}``; our
services answer bad input the same way, with the message in the request's
language, so that a client reads every error of the portal alike.
"""

from zope.i18n import translate


def error_answer(request, message, status: int = 400, error_type: str = "BadRequest"):
    """Set ``status`` on the response; the JSON body naming the error."""
    request.response.setStatus(status)
    message = translate(message, context=request)  # a plain str stays as it is
    return {"error": {"type": error_type, "message": message}}
