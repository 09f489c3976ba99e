"""DELETE ``@webhooks/<id>``: the subscription, its delivery log and its cursor."""

from traite_portal.services.webhooks.base import ServiceError
from traite_portal.services.webhooks.base import UNKNOWN_PATH
from traite_portal.services.webhooks.base import WebhooksService
from traite_portal.webhooks import manage


class WebhooksDelete(WebhooksService):
    def answer(self) -> dict:
        subscription = self.subscription()
        if self.params[1:]:
            raise ServiceError(404, UNKNOWN_PATH, "NotFound")
        self.check_if_match(subscription)
        manage.remove(self.portal, subscription)
        return self.reply_no_content()
