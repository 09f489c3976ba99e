"""The relevance order of a search server's answer made the catalog's own.

The server matches, filters and counts (totals, facets), and ranks its
matches with Lucene: Elasticsearch's test build has no Painless, hence
Lucene's BM25 and not the catalog's Okapi (``scoring.py``), and even the
scripted Okapi of OpenSearch reads document lengths from Lucene's one-byte
norms. Items the catalog scores within a few percent then swap. So for a
text query sorted by relevance the backend asks the server for its best
``RERANK_DEPTH`` hits, after its own proximity rescore of the proximity
window (the same search request, a larger page: no extra round trip), and
orders them with the catalog's ranking code (``CatalogBackend.relevance``):
the catalog's formula on the catalog's exact statistics, for those candidates
only. The catalog's top items are among the server's first ``RERANK_DEPTH``
(checked for every query of the relevance set by
``test_search_backend_relevance.py``; the deepest is at rank 6): each one
the catalog orders costs a share of every search.
"""

from BTrees.IIBTree import IISet
from traite_portal.search.backends.base import Hit
from traite_portal.search.backends.catalog.backend import CatalogBackend


# How many of the server's best hits the catalog orders (at least a page).
RERANK_DEPTH = 50


def reranks(request) -> bool:
    """Whether the catalog orders this request's hits (text, by relevance)."""
    return request.query is not None and request.sort == "relevance"


def depth(request) -> int:
    """How many hits to ask the server for."""
    return max(RERANK_DEPTH, request.b_start + request.b_size)


def rerank(site, request, hits: list[Hit]) -> list[Hit]:
    """The page ``request`` asks for, out of the server's best ``hits``
    ordered as the catalog orders them."""
    backend = CatalogBackend(site)
    uids = backend.zcatalog.getIndex("UID")._index
    docids = {hit.uid: uids.get(hit.uid) for hit in hits}
    known = [h for h in hits if docids[h.uid] is not None]
    found_by_id = IISet(docids[h.uid] for h in known if h.by_identifier)
    candidates = IISet(docids[h.uid] for h in known)
    by_docid = {docids[h.uid]: h for h in known}
    ordered = [
        Hit(by_docid[docid].uid, float(score), by_docid[docid].by_identifier)
        for docid, score in backend.relevance(request, candidates, found_by_id)
    ]
    # Hits the catalog lacks (not catalogued here yet) keep the server's order.
    ordered += [h for h in hits if docids[h.uid] is None]
    return ordered[request.b_start : request.b_start + request.b_size]
