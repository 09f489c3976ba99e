"""« Webhooks »: the Classic panel where people register and follow webhooks.

The same operations as ``@webhooks`` (``manage.py``), the same checks and
French messages: a list of the webhooks one manages, a form to add or change
one (the secret is never shown: left empty, it is kept), the delivery log of
one with « Renvoyer », and the allowed hosts (administrators change them).
"""

from AccessControl import getSecurityManager
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.permissions import ManagePortal
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from traite_portal import _
from traite_portal.changelog.consumers import log_of
from traite_portal.webhooks import manage
from traite_portal.webhooks.hosts import invalid_entries
from traite_portal.webhooks.panel_data import deliveries_rows
from traite_portal.webhooks.panel_data import kind_options
from traite_portal.webhooks.panel_data import subscription_row
from traite_portal.webhooks.panel_data import type_options
from traite_portal.webhooks.settings import PREFIX
from traite_portal.webhooks.settings import webhook_settings
from zope.i18n import translate


class WebhooksPanel(BrowserView):
    """``@@webhooks-controlpanel`` at the site root."""

    def __call__(self):
        self.errors = []  # FieldError of the form just sent
        self.sent = {}  # what the form sent, shown again with its errors
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            target = self.act(self.request.form)
            if target is not None:
                return self.request.response.redirect(target)
            self.request.response.setStatus(400)
        return self.index()

    def url(self, **params) -> str:
        query = "&".join(f"{key}={value}" for key, value in params.items())
        base = f"{self.context.absolute_url()}/@@webhooks-controlpanel"
        return f"{base}?{query}" if query else base

    def message(self, text, kind: str = "info") -> None:
        IStatusMessage(self.request).add(text, type=kind)

    def may_edit_hosts(self) -> bool:
        return bool(getSecurityManager().checkPermission(ManagePortal, self.context))

    # What the template shows.

    def subscriptions(self) -> list[dict]:
        return [
            subscription_row(self, s)
            for s in manage.visible_subscriptions(self.context)
        ]

    def editing(self):
        """The subscription the form changes (``?edit=<id>``), or None to add."""
        return manage.find(self.context, self.request.form.get("edit"))

    def shown_log(self):
        """The subscription whose delivery log is shown (``?log=<id>``)."""
        return manage.find(self.context, self.request.form.get("log"))

    def deliveries(self, subscription) -> list[dict]:
        return deliveries_rows(self, subscription, log_of(self.context))

    def value(self, name: str, default=""):
        """A field's value: what was sent, else the subscription's, else empty."""
        if name in self.sent:
            return self.sent[name]
        subscription = self.editing()
        return getattr(subscription, name, default) if subscription else default

    def types(self) -> list[dict]:
        return type_options(self.context, self.value("portal_types", ()))

    def kinds(self) -> list[dict]:
        return kind_options(self.request, self.value("kinds", ()))

    def error(self, field: str) -> str | None:
        for error in self.errors:
            if error.field == field:
                return translate(error.message, context=self.request)
        return None

    def error_messages(self) -> list[str]:
        return [translate(e.message, context=self.request) for e in self.errors]

    def allowed_hosts(self) -> list[str]:
        return list(webhook_settings().allowed_hosts or ())

    # What the forms do: a URL to go to after success, None to show errors.

    def act(self, form: dict) -> str | None:
        handlers = {
            "add": self.add,
            "save": self.save,
            "delete": self.delete,
            "resend": self.resend,
            "hosts": self.save_hosts,
        }
        handler = handlers.get(form.get("action"))
        if handler is None:
            self.message(_("error_unknown_action", default="Action inconnue."), "error")
            return self.url()
        return handler(form)

    def form_data(self, form: dict, creating: bool) -> dict:
        folder = (form.get("folder") or "").strip()
        data = {
            "title": form.get("title", ""),
            "url": form.get("url", ""),
            "portal_types": list(form.get("portal_types", [])),
            "folder": folder or None,
            "kinds": list(form.get("kinds", [])),
            "active": bool(form.get("active")),
        }
        if creating or form.get("secret"):
            data["secret"] = form.get("secret", "")
        self.sent = {k: v for k, v in data.items() if k != "secret"}
        return data

    def add(self, form: dict) -> str | None:
        data = self.form_data(form, creating=True)
        subscription, self.errors = manage.create(
            self.context, self.context.absolute_url(), data
        )
        if self.errors:
            return None
        self.message(_("message_webhook_added", default="Webhook enregistré."))
        return self.url(log=subscription.id)

    def save(self, form: dict) -> str | None:
        subscription = manage.find(self.context, form.get("id"))
        if subscription is None:
            return self.not_found()
        self.request.form["edit"] = subscription.id
        data = self.form_data(form, creating=False)
        self.errors = manage.change(self.context, subscription, data)
        if self.errors:
            return None
        self.message(_("message_webhook_saved", default="Webhook modifié."))
        return self.url(log=subscription.id)

    def delete(self, form: dict) -> str | None:
        subscription = manage.find(self.context, form.get("id"))
        if subscription is None:
            return self.not_found()
        manage.remove(self.context, subscription)
        self.message(_("message_webhook_deleted", default="Webhook supprimé."))
        return self.url()

    def resend(self, form: dict) -> str | None:
        subscription = manage.find(self.context, form.get("id"))
        if subscription is None:
            return self.not_found()
        refused = manage.request_resend(
            self.context, subscription, form.get("delivery")
        )
        if refused is not None:
            self.message(refused, "error")
        else:
            self.message(
                _(
                    "message_webhook_resend",
                    default="L'envoi sera refait dans quelques secondes.",
                )
            )
        return self.url(log=subscription.id)

    def save_hosts(self, form: dict) -> str | None:
        if not self.may_edit_hosts():
            return self.not_found()
        lines = [line.strip() for line in form.get("allowed_hosts", "").splitlines()]
        wrong = invalid_entries(lines)
        if wrong:
            self.message(
                _(
                    "error_webhook_hosts",
                    default="Ligne invalide dans les hôtes autorisés : « ${line} ». "
                    "Rien n'a été modifié.",
                    mapping={"line": wrong[0][:200]},
                ),
                "error",
            )
            return self.url()
        entries = [line for line in lines if line]
        api.portal.set_registry_record(f"{PREFIX}.allowed_hosts", entries)
        self.message(_("message_webhook_hosts", default="Hôtes autorisés enregistrés."))
        return self.url()

    def not_found(self) -> str:
        self.message(
            _("error_webhook_gone", default="Ce webhook n'existe pas."), "error"
        )
        return self.url()
