"""The error of a rejected Akoma Ntoso document: a French message, an HTTP status."""

from zope.i18n import translate
from zope.i18nmessageid import Message


class AknError(ValueError):
    """A document the portal refuses; ``str()`` is the French message.

    ``status`` is the HTTP status the REST endpoint answers with (400, or 413
    for a document over the size limit); the console script exits with 2.
    """

    def __init__(self, message: Message | str, status: int = 400) -> None:
        self.message = message
        self.status = status
        super().__init__(self.french())

    def french(self) -> str:
        """The message in French (the portal's language)."""
        return translate(self.message, target_language="fr")
