"""Which search server serves the site: environment first, then the registry.

The environment (``TRAITE_SEARCH_URL``, ``TRAITE_SEARCH_ENGINE``,
``TRAITE_SEARCH_INDEX_PREFIX``, ``TRAITE_SEARCH_TIMEOUT``) is what a
deployment sets, and what ``make search-server`` writes into the instance's
``zope.conf``; the registry records ``traite_portal.search.server.*`` are the
same settings kept in the site. No URL: the catalog serves (the default).
"""

from dataclasses import dataclass
from plone import api
from plone.supermodel import model
from traite_portal import _
from zope import schema

import os


REGISTRY_PREFIX = "traite_portal.search.server"
ENGINES = ("opensearch", "elasticsearch")
ENVIRONMENT = {
    "url": "TRAITE_SEARCH_URL",
    "engine": "TRAITE_SEARCH_ENGINE",
    "index_prefix": "TRAITE_SEARCH_INDEX_PREFIX",
    "timeout": "TRAITE_SEARCH_TIMEOUT",
}
DEFAULT_PREFIX = "traite"
DEFAULT_TIMEOUT = 2.0


class ISearchServerSettings(model.Schema):
    """The search server of the site (empty URL: the catalog serves)."""

    url = schema.TextLine(
        title=_("label_search_server_url", default="Adresse du serveur de recherche"),
        description=_(
            "help_search_server_url",
            default="Par exemple http://127.0.0.1:9250 ; vide : le catalogue "
            "de Plone sert la recherche. La variable d'environnement "
            "TRAITE_SEARCH_URL l'emporte.",
        ),
        required=False,
        default="",
    )
    engine = schema.Choice(
        title=_("label_search_server_engine", default="Moteur"),
        values=ENGINES,
        default="opensearch",
    )
    index_prefix = schema.ASCIILine(
        title=_("label_search_server_prefix", default="Préfixe des index"),
        default=DEFAULT_PREFIX,
    )
    timeout = schema.Float(
        title=_("label_search_server_timeout", default="Délai d'attente (secondes)"),
        default=DEFAULT_TIMEOUT,
        min=0.1,
    )


@dataclass(frozen=True)
class ServerSettings:
    """A configured search server."""

    url: str
    engine: str = "opensearch"
    index_prefix: str = DEFAULT_PREFIX
    timeout: float = DEFAULT_TIMEOUT

    def alias(self, site_id: str) -> str:
        """The alias searches and updates go through (one per site)."""
        return f"{self.index_prefix}-{site_id}".lower()


class SettingsError(ValueError):
    """A setting that cannot be used (unknown engine, bad timeout)."""


def _registry(name: str):
    return api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)


def read_settings(environ=None, registry=_registry) -> ServerSettings | None:
    """The search server to use, or None for the catalog."""
    environ = os.environ if environ is None else environ
    values = {}
    for name, variable in ENVIRONMENT.items():
        value = environ.get(variable)
        if value in (None, "") and registry is not None:
            value = registry(name)
        if value not in (None, ""):
            values[name] = value
    url = str(values.pop("url", "")).strip().rstrip("/")
    if not url:
        return None
    engine = str(values.get("engine", "opensearch")).strip().lower()
    if engine not in ENGINES:
        raise SettingsError(f"moteur inconnu : {engine!r} (opensearch|elasticsearch)")
    try:
        timeout = float(values.get("timeout", DEFAULT_TIMEOUT))
    except ValueError:
        raise SettingsError(f"délai invalide : {values['timeout']!r}") from None
    return ServerSettings(
        url=url,
        engine=engine,
        index_prefix=str(values.get("index_prefix") or DEFAULT_PREFIX).strip(),
        timeout=timeout,
    )
