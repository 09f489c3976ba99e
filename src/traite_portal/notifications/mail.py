"""Mail actions of content rules that never make the user's change fail.

Plone's mail action sends at once and catches only SMTP errors: with the mail
server down, the socket error (``OSError``) aborts the request, so a proposal
could not be submitted while the server is unreachable. Here the error is
logged and the change goes through (registered for object events, more
specific than Plone's executor, as rules run with the rule's container as
context and the changed item as ``event.object``); with the MailHost queue on
(docs/notifications.md), mails wait in the queue instead of being lost.
"""

from plone.app.contentrules.actions.mail import IMailAction
from plone.app.contentrules.actions.mail import MailActionExecutor
from traite_portal import logger
from zope.component import adapter
from zope.interface import Interface
from zope.interface.interfaces import IObjectEvent


@adapter(Interface, IMailAction, IObjectEvent)
class ResilientMailActionExecutor(MailActionExecutor):
    """Plone's mail action, minus the failure of the whole request."""

    def __call__(self) -> bool:
        try:
            return super().__call__()
        except OSError:
            logger.exception(
                "Serveur de courrier injoignable : notification « %s » non envoyée "
                "pour %s",
                self.element.subject,
                self.event.object.absolute_url(),
            )
            return True
