"""POST ``@webhooks`` registers a webhook (201); POST
``@webhooks/<id>/deliveries/<delivery id>/resend`` sends a delivery again (202)."""

from traite_portal.changelog.consumers import log_of
from traite_portal.services.webhooks.base import ServiceError
from traite_portal.services.webhooks.base import UNKNOWN_PATH
from traite_portal.services.webhooks.base import WebhooksService
from traite_portal.webhooks import manage
from traite_portal.webhooks.serialize import delivery_json


class WebhooksPost(WebhooksService):
    def answer(self) -> dict:
        if not self.params:
            return self.create()
        subscription = self.subscription()
        rest = self.params[1:]
        if len(rest) == 3 and rest[0] == "deliveries" and rest[2] == "resend":
            return self.resend(subscription, rest[1])
        raise ServiceError(404, UNKNOWN_PATH, "NotFound")

    def create(self) -> dict:
        data = self.body()
        subscription, errors = manage.create(
            self.portal, self.portal.absolute_url(), data
        )
        if errors:
            raise self.errors(errors)
        answer = self.serialize(subscription)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", answer["@id"])
        return answer

    def resend(self, subscription, delivery_id: str) -> dict:
        refused = manage.request_resend(self.portal, subscription, delivery_id)
        if refused is not None:
            raise ServiceError(400, refused)
        self.request.response.setStatus(202)
        delivery = subscription.find_delivery(delivery_id)
        return delivery_json(delivery, log_of(self.portal), self.request)
