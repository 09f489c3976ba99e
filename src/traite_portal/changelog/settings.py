"""Retention of the change log: registry records under ``traite_portal.changelog``."""

from plone.registry.interfaces import IRegistry
from traite_portal import _
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface


PREFIX = "traite_portal.changelog"


class IChangeLogSettings(Interface):
    """How long the change log keeps its entries."""

    retention_days = schema.Int(
        title=_("label_changelog_retention_days", default="Durée de conservation"),
        description=_(
            "help_changelog_retention_days",
            default="Nombre de jours pendant lesquels le journal des modifications "
            "garde une entrée. Un client dont le curseur est plus ancien doit "
            "tout resynchroniser.",
        ),
        min=1,
        default=30,
    )
    retention_entries = schema.Int(
        title=_("label_changelog_retention_entries", default="Nombre d'entrées"),
        description=_(
            "help_changelog_retention_entries",
            default="Nombre maximal d'entrées conservées, les plus récentes.",
        ),
        min=1,
        default=200000,
    )
    consumer_hard_limit_days = schema.Int(
        title=_(
            "label_changelog_consumer_hard_limit_days",
            default="Limite absolue pour les consommateurs",
        ),
        description=_(
            "help_changelog_consumer_hard_limit_days",
            default="Les entrées qu'un consommateur enregistré (indexation, "
            "webhooks) n'a pas encore traitées sont gardées au-delà de la durée "
            "de conservation, jusqu'à ce nombre de jours.",
        ),
        min=1,
        default=180,
    )


def retention_settings() -> IChangeLogSettings:
    """The site's settings; the defaults on a site without the records."""
    registry = queryUtility(IRegistry)
    if registry is not None:
        proxy = registry.forInterface(IChangeLogSettings, prefix=PREFIX, check=False)
        if registry.get(f"{PREFIX}.retention_days") is not None:
            return proxy
    return Defaults()


class Defaults:
    """The schema's defaults, for a site whose registry lacks the records."""

    retention_days = IChangeLogSettings["retention_days"].default
    retention_entries = IChangeLogSettings["retention_entries"].default
    consumer_hard_limit_days = IChangeLogSettings["consumer_hard_limit_days"].default
