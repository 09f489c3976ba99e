"""What the ``@webhooks`` services share: path parameters, lookups, errors.

Paths: ``@webhooks``, ``@webhooks/<id>``, ``@webhooks/<id>/deliveries``,
``@webhooks/<id>/deliveries/<delivery id>/resend``. A subscription the
caller does not manage is not found (404), like one that does not exist.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from traite_portal import _
from traite_portal.changelog.consumers import log_of
from traite_portal.coediting.etag import digest_etag
from traite_portal.coediting.etag import if_match_fails
from traite_portal.coediting.etag import MalformedPrecondition
from traite_portal.security.errors import MESSAGES
from traite_portal.security.service_paths import path_error
from traite_portal.services.errors import error_answer
from traite_portal.webhooks import manage
from traite_portal.webhooks.serialize import subscription_json
from traite_portal.webhooks.store import Subscription
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


class ServiceError(Exception):
    """An answer other than success: HTTP status and French message."""

    def __init__(self, status: int, message, error_type: str = "BadRequest") -> None:
        super().__init__(str(message))
        self.status, self.message, self.error_type = status, message, error_type


@implementer(IPublishTraverse)
class WebhooksService(Service):
    """Base of the verbs: collects the path after ``@webhooks``."""

    def __init__(self, context, request) -> None:
        super().__init__(context, request)
        self.params: list[str] = []

    def publishTraverse(self, request, name: str):
        self.params.append(name)
        return self

    def reply(self):
        if self.request.get("REQUEST_METHOD") != "GET":
            # As plone.restapi's write services: REST writes are checked by
            # the Origin check (security/origin.py), not by form tokens.
            alsoProvides(self.request, IDisableCSRFProtection)
        try:
            return self.answer()
        except ServiceError as error:
            return error_answer(
                self.request, error.message, error.status, error.error_type
            )

    def answer(self):
        raise NotImplementedError

    @property
    def portal(self):
        return api.portal.get()

    @property
    def base_url(self) -> str:
        return f"{self.portal.absolute_url()}/@webhooks"

    def subscription(self) -> Subscription:
        """The subscription named by the path, or a 400/404."""
        if not self.params:
            raise ServiceError(400, MISSING_ID)
        subscription = manage.find(self.portal, self.params[0])
        if subscription is None:
            message = _(
                "error_webhook_not_found",
                default="Webhook introuvable : « ${id} ».",
                mapping={"id": self.params[0][:100]},
            )
            raise ServiceError(404, message, "NotFound")
        return subscription

    def body(self) -> dict:
        data = json_body(self.request)
        if not isinstance(data, dict):
            raise ServiceError(400, NOT_AN_OBJECT)
        return data

    def serialize(self, subscription: Subscription) -> dict:
        url = f"{self.base_url}/{subscription.id}"
        return subscription_json(subscription, url, log_of(self.portal), self.request)

    def check_if_match(self, subscription: Subscription) -> None:
        """412 when ``If-Match`` names another version of the subscription."""
        header = self.request.getHeader("If-Match")
        if header is None:
            return
        try:
            stale = if_match_fails(header, etag(subscription))
        except MalformedPrecondition:
            raise ServiceError(400, BAD_IF_MATCH) from None
        if stale:
            self.request.response.setHeader("ETag", etag(subscription))
            raise ServiceError(412, CHANGED, "PreconditionFailed")

    def errors(self, errors) -> ServiceError:
        """One 400 for every field error."""
        messages = [translate(e.message, context=self.request) for e in errors]
        return ServiceError(400, " ".join(messages))


def etag(subscription: Subscription) -> str:
    return digest_etag([subscription.id, str(subscription.serial)])


MISSING_ID = path_error("PATCH", "@webhooks", ())
NOT_AN_OBJECT = MESSAGES["plone.restapi.exceptions.DeserializationError"]
BAD_IF_MATCH = _(
    "error_webhook_if_match_malformed",
    default="L'en-tête If-Match est invalide : « * » ou des ETags entre "
    "guillemets droits. Rien n'a été modifié.",
)
CHANGED = _(
    "error_webhook_changed",
    default="Le webhook a été modifié depuis votre dernière lecture (l'en-tête "
    "If-Match ne correspond plus à son ETag). Relisez-le, puis renvoyez votre "
    "modification.",
)
UNKNOWN_PATH = _(
    "error_webhook_unknown_path",
    default="Adresse inconnue : utilisez @webhooks, @webhooks/<id>, "
    "@webhooks/<id>/deliveries ou @webhooks/<id>/deliveries/<envoi>/resend.",
)
