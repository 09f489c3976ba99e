"""Search backends: the Plone catalog now, a search server later.

Every backend implements :class:`base.SearchBackend`; ``get_backend()``
returns the one that serves ``@legal-search`` and ``@@recherche``.
"""

from traite_portal.search.backends.catalog.backend import CatalogBackend


def get_backend(site):
    """The backend serving the site (the catalog until a server is configured)."""
    return CatalogBackend(site)
