"""The index a site writes to: the engine, the alias, its analysis mode."""

from dataclasses import dataclass
from traite_portal.search.backends.server.engines import Engine
from traite_portal.search.backends.server.engines import get_engine
from traite_portal.search.backends.server.engines import ServerError
from traite_portal.search.backends.server.mapping import PORTAL_ANALYSIS
from traite_portal.search.backends.server.mapping import SCHEMA_VERSION
from traite_portal.search.backends.server.mapping import SERVER_ANALYSIS
from traite_portal.search.backends.server.mapping import server_has_french_analysis
from traite_portal.search.backends.server.scoring import LUCENE_SCORING
from traite_portal.search.backends.server.scoring import SCRIPTED_SCORING
from traite_portal.search.backends.server.scoring import server_runs_scripts
from traite_portal.search.backends.server.settings import read_settings
from traite_portal.search.backends.server.settings import ServerSettings

import logging


logger = logging.getLogger("traite_portal.search")


class NoSearchServer(LookupError):
    """No search server is configured: the catalog serves, nothing to index."""


@dataclass
class IndexTarget:
    """Where one site's documents go."""

    settings: ServerSettings
    engine: Engine
    alias: str

    def meta(self) -> dict | None:
        """The ``_meta`` of the index behind the alias; None if there is none."""
        try:
            return self.engine.mapping_meta(self.alias)
        except ServerError as error:
            if error.status == 404:
                return None
            raise

    def current_analysis(self) -> str | None:
        meta = self.meta()
        return None if meta is None else meta.get("analysis", PORTAL_ANALYSIS)

    def needs_rebuild(self, log_id: str | None = None) -> bool:
        """No index yet, one built by an older mapping, or (given the site's
        change log id) one whose versions come from another log."""
        meta = self.meta()
        if meta is None or meta.get("schema") != SCHEMA_VERSION:
            return True
        return log_id is not None and meta.get("log_id") != log_id

    def detect_analysis(self) -> str:
        """``server`` when the server can analyse French, else ``portal`` (logged)."""
        if server_has_french_analysis(self.engine):
            return SERVER_ANALYSIS
        logger.warning(
            "Le serveur de recherche %s (%s) n'a pas de module d'analyse du "
            "français (élision, racinisation, pliage des accents) : le portail "
            "analyse le texte lui-même et l'indexe avec l'analyseur whitespace.",
            self.settings.engine,
            self.settings.url,
        )
        return PORTAL_ANALYSIS

    def detect_scoring(self) -> str:
        """``okapi`` (the catalog's formula) when the server runs Painless,
        else Lucene's ``bm25``."""
        if server_runs_scripts(self.engine):
            return SCRIPTED_SCORING
        return LUCENE_SCORING


def target_for(site, settings: ServerSettings | None = None) -> IndexTarget:
    """The configured server's target for ``site`` (``NoSearchServer`` if none)."""
    settings = settings or read_settings()
    if settings is None:
        raise NoSearchServer(site.getId())
    return IndexTarget(settings, get_engine(settings), settings.alias(site.getId()))
