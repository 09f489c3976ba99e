"""The contract between the search pipeline and a backend.

The pipeline (``search/pipeline.py``) parses and widens the query and reads
the identifiers in it; a backend matches, filters by permission, ranks, counts
facets and returns one page of UIDs; the pipeline then makes the snippets and
the answer. So ``@legal-search`` has the same shape whichever backend serves it.
"""

from dataclasses import dataclass
from dataclasses import field
from typing import Protocol


@dataclass(frozen=True)
class Viewer:
    """Who searches, as the catalog's security indexes see them."""

    # allowedRolesAndUsers tokens (roles, « user:<id> », « user:<group> »).
    allowed: tuple[str, ...]
    # False unless the user may see items outside their effective range.
    show_inactive: bool


@dataclass(frozen=True)
class SearchRequest:
    """One search, backend-neutral.

    ``query`` is a tree of :mod:`traite_portal.search.query.nodes` (None when
    only filters are given); ``identifier_keys`` lists candidate identifier
    keys in the query (see :mod:`traite_portal.search.identifiers`), and
    ``jump_keys`` those of an identifier making up the whole query.
    ``filters`` maps a facet name (``facets.FACETS``) to the selected values:
    values of one facet are OR-ed, facets AND-ed.
    """

    query: object
    viewer: Viewer
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    b_start: int = 0
    b_size: int = 10
    identifier_keys: tuple[str, ...] = ()
    jump_keys: tuple[str, ...] = ()
    path: str | None = None


@dataclass(frozen=True)
class Hit:
    """A result of the page: its UID, score, and whether an identifier found it."""

    uid: str
    score: float
    by_identifier: bool = False


@dataclass
class SearchResult:
    """What a backend returns for one request."""

    total: int
    hits: list[Hit]
    # facet name -> {value: count}, counted after permission filtering; the
    # counts of a facet ignore that facet's own selection (so its other
    # values stay selectable) but honour every other filter.
    facets: dict[str, dict]
    # UID of the single visible item the whole query identifies, or None.
    jump: str | None = None
    # Whether the viewer may see some unpublished item (restricted facets).
    sees_unpublished: bool = False
    backend: str = ""


class SearchBackend(Protocol):
    """A search backend: the catalog, or a search server."""

    name: str

    def search(self, request: SearchRequest) -> SearchResult:
        """Match, filter by permission, rank, count facets, return one page."""
