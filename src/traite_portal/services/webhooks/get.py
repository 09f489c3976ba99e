"""GET ``@webhooks`` (the list), ``@webhooks/<id>`` (one, with its ETag) and
``@webhooks/<id>/deliveries`` (its delivery log, newest first)."""

from traite_portal.changelog.consumers import log_of
from traite_portal.services.webhooks.base import etag
from traite_portal.services.webhooks.base import ServiceError
from traite_portal.services.webhooks.base import UNKNOWN_PATH
from traite_portal.services.webhooks.base import WebhooksService
from traite_portal.webhooks import manage
from traite_portal.webhooks.serialize import delivery_json


class WebhooksGet(WebhooksService):
    def answer(self) -> dict:
        if not self.params:
            items = [
                self.serialize(s) for s in manage.visible_subscriptions(self.portal)
            ]
            return {"@id": self.base_url, "items": items, "items_total": len(items)}
        subscription = self.subscription()
        rest = self.params[1:]
        if not rest:
            self.request.response.setHeader("ETag", etag(subscription))
            return self.serialize(subscription)
        if rest == ["deliveries"]:
            log = log_of(self.portal)
            deliveries = reversed(list(subscription.deliveries.values()))
            items = [delivery_json(d, log, self.request) for d in deliveries]
            url = f"{self.base_url}/{subscription.id}/deliveries"
            return {"@id": url, "items": items, "items_total": len(items)}
        raise ServiceError(404, UNKNOWN_PATH, "NotFound")
