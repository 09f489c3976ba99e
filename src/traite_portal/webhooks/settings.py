"""Webhook delivery settings: registry records under ``traite_portal.webhooks``."""

from plone.registry.interfaces import IRegistry
from traite_portal import _
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface


PREFIX = "traite_portal.webhooks"


class IWebhookSettings(Interface):
    """Where webhooks may be sent and how deliveries are retried."""

    allowed_hosts = schema.List(
        title=_("label_webhooks_allowed_hosts", default="Hôtes autorisés"),
        description=_(
            "help_webhooks_allowed_hosts",
            default="Un hôte par ligne : « hooks.example.org », « *.example.org », "
            "« hooks.example.org:8443 », une adresse IP ou un réseau "
            "(« 127.0.0.1:8081 », « 10.0.0.0/8 »). Sans port, seuls les ports "
            "80 et 443 sont permis. Liste vide : aucun webhook ne peut être "
            "enregistré ni envoyé.",
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )
    max_attempts = schema.Int(
        title=_("label_webhooks_max_attempts", default="Nombre maximal d'essais"),
        description=_(
            "help_webhooks_max_attempts",
            default="Après ce nombre d'essais sans succès, l'envoi passe « en "
            "échec » et les modifications suivantes sont envoyées.",
        ),
        min=1,
        max=50,
        default=8,
    )
    backoff_seconds = schema.Float(
        title=_("label_webhooks_backoff_seconds", default="Délai avant le 2e essai"),
        description=_(
            "help_webhooks_backoff_seconds",
            default="En secondes ; il double à chaque essai (avec une part de "
            "hasard), sans dépasser le délai maximal.",
        ),
        min=0.01,
        default=30.0,
    )
    backoff_max_seconds = schema.Float(
        title=_("label_webhooks_backoff_max_seconds", default="Délai maximal"),
        description=_(
            "help_webhooks_backoff_max_seconds",
            default="En secondes : le plus long délai entre deux essais.",
        ),
        min=0.01,
        default=3600.0,
    )
    timeout_seconds = schema.Float(
        title=_("label_webhooks_timeout_seconds", default="Délai de réponse"),
        description=_(
            "help_webhooks_timeout_seconds",
            default="En secondes : délai de connexion et d'attente de chaque "
            "lecture de la réponse ; au-delà, l'essai échoue.",
        ),
        min=0.1,
        max=120.0,
        default=10.0,
    )
    batch_size = schema.Int(
        title=_("label_webhooks_batch_size", default="Modifications par envoi"),
        description=_(
            "help_webhooks_batch_size",
            default="Nombre maximal de modifications dans un envoi.",
        ),
        min=1,
        max=1000,
        default=50,
    )


def webhook_settings() -> IWebhookSettings:
    """The site's settings; the defaults on a site without the records."""
    registry = queryUtility(IRegistry)
    if registry is not None and registry.get(f"{PREFIX}.max_attempts") is not None:
        return registry.forInterface(IWebhookSettings, prefix=PREFIX, check=False)
    return Defaults()


class Defaults:
    """The schema's defaults, for a site whose registry lacks the records."""

    allowed_hosts: list = []
    max_attempts = IWebhookSettings["max_attempts"].default
    backoff_seconds = IWebhookSettings["backoff_seconds"].default
    backoff_max_seconds = IWebhookSettings["backoff_max_seconds"].default
    timeout_seconds = IWebhookSettings["timeout_seconds"].default
    batch_size = IWebhookSettings["batch_size"].default
