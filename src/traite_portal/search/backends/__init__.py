"""Search backends: the Plone catalog (default) or a search server.

Every backend implements :class:`base.SearchBackend`; ``get_backend()``
returns the one that serves ``@legal-search`` and ``@@recherche``: the
search server of :func:`server.settings.read_settings` when one is set,
else the catalog.
"""

from traite_portal.search.backends.catalog.backend import CatalogBackend
from traite_portal.search.backends.server.settings import read_settings
from traite_portal.search.backends.server.settings import SettingsError

import logging


logger = logging.getLogger("traite_portal.search")


def get_backend(site):
    """The backend serving the site (the catalog unless a server is set)."""
    try:
        settings = read_settings()
    except SettingsError as error:
        logger.error("Réglage du serveur de recherche ignoré : %s", error)
        settings = None
    if settings is None:
        return CatalogBackend(site)
    from traite_portal.search.backends.server.backend import ServerBackend

    return ServerBackend(site, settings)
