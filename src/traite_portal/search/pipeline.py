"""The legal search, step by step: analyse → query → rank → facets → snippets.

:func:`legal_search` is what ``@legal-search`` and ``@@recherche`` call. The
query is parsed and widened here, identifiers are read here; the backend
(``backends/``) matches, filters by permission, ranks and counts facets; the
snippets are made here from the page's items only.
"""

from AccessControl import getSecurityManager
from dataclasses import dataclass
from dataclasses import field
from plone import api
from traite_portal.search.backends import get_backend
from traite_portal.search.backends import logger
from traite_portal.search.backends.base import SearchRequest
from traite_portal.search.backends.base import SearchResult
from traite_portal.search.backends.base import Viewer
from traite_portal.search.backends.catalog.backend import CatalogBackend
from traite_portal.search.backends.server.engines import ServerError
from traite_portal.search.backends.server.engines import ServerUnavailable
from traite_portal.search.identifiers.query import find_identifiers
from traite_portal.search.identifiers.query import is_only_identifier
from traite_portal.search.params import SearchParams
from traite_portal.search.query.synonyms import expand_query
from traite_portal.search.query.syntax import parse_query
from traite_portal.search.settings import synonym_list
from traite_portal.search.snippets import SnippetMaker


@dataclass
class ResultItem:
    """One result of the page: its catalog brain, score and snippets."""

    brain: object
    score: float
    by_identifier: bool
    snippets: list = field(default_factory=list)


@dataclass
class SearchAnswer:
    """Everything a view needs to show a search."""

    params: SearchParams
    query: object
    expansions: list
    result: SearchResult
    items: list[ResultItem]
    jump: object = None  # brain of the identified item
    jump_only: bool = False  # the whole query was that identifier


def current_viewer(catalog) -> Viewer:
    """The current user as the catalog's security indexes see them."""
    user = getSecurityManager().getUser()
    return Viewer(
        allowed=tuple(catalog._listAllowedRolesAndUsers(user)),
        show_inactive=bool(catalog.allow_inactive({})),
    )


def analyse(params: SearchParams):
    """(query tree or None, synonym expansions, identifier keys, jump keys)."""
    if not params.q.strip() and params.filters:
        return None, [], (), ()
    query, expansions = expand_query(parse_query(params.q), synonym_list())
    candidates = find_identifiers(params.q)
    keys = tuple(k for c in candidates for k in c.keys)
    jump_keys = ()
    if len(candidates) == 1 and is_only_identifier(params.q, candidates[0]):
        jump_keys = candidates[0].keys
    return query, expansions, keys, jump_keys


def _brains(catalog, uids: list[str]) -> dict:
    # A second, restricted catalog query: nothing the user may not see.
    return {b.UID: b for b in catalog.searchResults(UID=uids)} if uids else {}


def run_backend(site, request: SearchRequest) -> SearchResult:
    """The configured backend's answer, or the catalog's when a search server
    is down, slow or fails (the result says so: ``fallback_from``)."""
    backend = get_backend(site)
    if isinstance(backend, CatalogBackend):
        return backend.search(request)
    try:
        return backend.search(request)
    except (ServerUnavailable, ServerError) as error:
        logger.warning(
            "Serveur de recherche %s indisponible (%s) : le catalogue répond.",
            backend.name,
            error,
        )
    result = CatalogBackend(site).search(request)
    result.fallback_from = backend.name
    return result


def legal_search(params: SearchParams) -> SearchAnswer:
    """Run one search; raises QuerySyntaxError for a query that cannot run."""
    site = api.portal.get()
    catalog = api.portal.get_tool("portal_catalog")
    query, expansions, keys, jump_keys = analyse(params)
    request = SearchRequest(
        query=query,
        viewer=current_viewer(catalog),
        filters=params.filters,
        sort=params.sort,
        b_start=params.b_start,
        b_size=params.b_size,
        identifier_keys=keys,
        jump_keys=jump_keys,
    )
    result = run_backend(site, request)
    brains = _brains(catalog, [hit.uid for hit in result.hits] + [result.jump or ""])
    snippets_of = SnippetMaker(query) if query else None
    items = []
    for hit in result.hits:
        brain = brains.get(hit.uid)
        if brain is not None:
            snippets = snippets_of(brain.getObject()) if snippets_of else []
            items.append(ResultItem(brain, hit.score, hit.by_identifier, snippets))
    return SearchAnswer(
        params=params,
        query=query,
        expansions=expansions,
        result=result,
        items=items,
        jump=brains.get(result.jump) if result.jump else None,
        jump_only=bool(jump_keys),
    )
