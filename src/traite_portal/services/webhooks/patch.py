"""PATCH ``@webhooks/<id>``: change some fields (the secret too, write-only)."""

from traite_portal.services.webhooks.base import ServiceError
from traite_portal.services.webhooks.base import UNKNOWN_PATH
from traite_portal.services.webhooks.base import WebhooksService
from traite_portal.webhooks import manage


class WebhooksPatch(WebhooksService):
    def answer(self) -> dict:
        subscription = self.subscription()
        if self.params[1:]:
            raise ServiceError(404, UNKNOWN_PATH, "NotFound")
        self.check_if_match(subscription)
        errors = manage.change(self.portal, subscription, self.body())
        if errors:
            raise self.errors(errors)
        return self.reply_no_content()
