"""The catalog backend: match → filter by permission → rank → facets → page."""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import weightedIntersection
from BTrees.IIBTree import weightedUnion
from plone import api
from Products.CMFCore.indexing import processQueue
from traite_portal.search import ranking
from traite_portal.search.backends.base import Hit
from traite_portal.search.backends.base import SearchRequest
from traite_portal.search.backends.base import SearchResult
from traite_portal.search.backends.catalog.facet_counts import facet_counts
from traite_portal.search.backends.catalog.facet_counts import restrict
from traite_portal.search.backends.catalog.facet_counts import selection_sets
from traite_portal.search.backends.catalog.matching import query_wids
from traite_portal.search.backends.catalog.matching import text_scores
from traite_portal.search.backends.catalog.matching import word_positions
from traite_portal.search.backends.catalog.sets import allowed_set
from traite_portal.search.backends.catalog.sets import document_values
from traite_portal.search.backends.catalog.sets import values_set
from traite_portal.search.facets import FACETS
from traite_portal.search.facets import PUBLIC_STATES
from traite_portal.search.identifiers.kinds import SECONDARY

import heapq


class CatalogBackend:
    """The embedded default: Plone's catalog, no server needed."""

    name = "catalog"

    def __init__(self, site):
        self.catalog = api.portal.get_tool("portal_catalog")
        self.zcatalog = self.catalog._catalog

    def search(self, request: SearchRequest) -> SearchResult:
        # As Plone's searchResults: index what this transaction changed first.
        processQueue()
        allowed = allowed_set(self.catalog, request.viewer, request.path)
        if request.query is not None:
            scores = text_scores(self.zcatalog, request.query)
            _, scores = weightedIntersection(scores, allowed, 1, 0)
        else:
            _, scores = weightedUnion(IIBucket(), allowed, 0, 1)
        found_by_id = self._identified(request.identifier_keys, allowed)
        scores = self._identifiers_first(self._authority(scores), found_by_id)
        sees_unpublished = self._sees_unpublished(allowed)
        facets = [f for f in FACETS if sees_unpublished or not f.restricted]
        selected = selection_sets(self.zcatalog, FACETS, request.filters)
        counts = facet_counts(self.zcatalog, facets, scores, selected)
        _, scores = weightedIntersection(scores, restrict(scores, selected), 1, 0)
        ordered = self._order(scores, request)
        page = ordered[request.b_start : request.b_start + request.b_size]
        jump = self._identified(request.jump_keys, allowed)
        return SearchResult(
            total=len(ordered),
            hits=[self._hit(docid, score, found_by_id) for docid, score in page],
            facets=counts,
            jump=self._uid(jump[0]) if len(jump) == 1 else None,
            sees_unpublished=sees_unpublished,
            backend=self.name,
        )

    def relevance(self, request: SearchRequest, candidates, found_by_id) -> list:
        """``[(docid, score)]``: the catalog's relevance order of
        ``candidates`` (docids another backend matched for ``request``,
        ``found_by_id`` among them by an identifier), each scored as when
        the catalog searches everything (``candidates.CandidateIndex``)."""
        scores = text_scores(self.zcatalog, request.query, only=candidates)
        scores = self._identifiers_first(self._authority(scores), found_by_id)
        return self._order(scores, request)

    def _identifiers_first(self, scores, found_by_id):
        """Items an identifier found score ``IDENTIFIER_RANK`` × the best."""
        if not found_by_id:
            return scores
        best = (max(scores.values(), default=0) or 1) * ranking.IDENTIFIER_RANK
        return weightedUnion(scores, found_by_id, 1, best)[1]

    def _authority(self, scores):
        """Scores × the type's authority (in tenths)."""
        types = self.zcatalog.getIndex("portal_type")
        by_weight = {}
        for portal_type, weight in ranking.TYPE_AUTHORITY.items():
            by_weight.setdefault(weight, []).append(portal_type)
        result, typed = IIBucket(), []
        for weight, portal_types in by_weight.items():
            docs = values_set(types, portal_types)
            typed.append(docs)
            _, part = weightedIntersection(scores, docs, weight, 0)
            _, result = weightedUnion(result, part, 1, 1)
        rest = difference(scores, multiunion(typed))
        _, result = weightedUnion(result, rest, 1, ranking.DEFAULT_AUTHORITY)
        return result

    def _identified(self, keys, allowed):
        """Visible items carrying the keys, or else those containing them."""
        if not keys:
            return ()
        index = self.zcatalog.getIndex("search_identifiers")
        for suffix in ("", SECONDARY):
            found = intersection(values_set(index, [k + suffix for k in keys]), allowed)
            if found:
                return found
        return ()

    def _sees_unpublished(self, allowed) -> bool:
        states = self.zcatalog.getIndex("review_state")
        hidden = [s for s in states._index.keys() if s not in PUBLIC_STATES]
        return bool(intersection(allowed, values_set(states, hidden)))

    def _order(self, scores, request: SearchRequest) -> list[tuple[int, int]]:
        ranked = [(docid, score) for score, docid in scores.byValue(0)]
        if request.sort == "date":
            index = self.zcatalog.getIndex("search_date")
            return sorted(ranked, key=lambda p: -(index._unindex.get(p[0]) or 0))
        if request.sort == "measure":
            index = self.zcatalog.getIndex("search_measure")
            return sorted(
                ranked, key=lambda p: min(document_values(index, p[0]) or (10**6,))
            )
        if request.query is None:
            return ranked
        return self._proximity(ranked, request)

    def _proximity(self, ranked, request):
        """Re-rank the best candidates by how close the query words stand.

        Only the requested page must be exact: candidates are read in score
        order and the reading stops once the next one, even with the largest
        bonus, would stay below the page (``ranking.largest_bonus``). The
        page is then what reading every candidate gives; what follows it is
        in the candidates' order without their bonus.
        """
        wids = query_wids(self.zcatalog, request.query)
        if len(wids) < 2:
            return ranked
        size = max(ranking.PROXIMITY_CANDIDATES, request.b_start + request.b_size)
        need = max(1, request.b_start + request.b_size)
        head, best = [], []  # best: a heap of the ``need`` highest scores
        for docid, score in ranked[:size]:
            if len(best) == need and score + ranking.largest_bonus(score) < best[0]:
                break
            window = ranking.smallest_window(word_positions(self.zcatalog, docid, wids))
            final = score + ranking.proximity_bonus(score, window, len(wids))
            head.append((docid, final))
            (heapq.heappush if len(best) < need else heapq.heappushpop)(best, final)
        rest = ranked[len(head) :]
        head.sort(key=lambda p: -p[1])
        return head + rest

    def _uid(self, docid) -> str:
        return self.zcatalog.getIndex("UID").getEntryForObject(docid)

    def _hit(self, docid, score, found_by_id) -> Hit:
        return Hit(self._uid(docid), float(score), docid in found_by_id)
