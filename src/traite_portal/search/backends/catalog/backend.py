"""The catalog backend: match → filter by permission → rank → facets → page."""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import weightedIntersection
from BTrees.IIBTree import weightedUnion
from plone import api
from Products.CMFCore.indexing import processQueue
from traite_portal.search import ranking
from traite_portal.search.backends.base import Hit
from traite_portal.search.backends.base import SearchRequest
from traite_portal.search.backends.base import SearchResult
from traite_portal.search.backends.catalog import candidates
from traite_portal.search.backends.catalog.facet_counts import facet_counts
from traite_portal.search.backends.catalog.facet_counts import restrict
from traite_portal.search.backends.catalog.facet_counts import selection_sets
from traite_portal.search.backends.catalog.matching import match_set
from traite_portal.search.backends.catalog.matching import query_wids
from traite_portal.search.backends.catalog.matching import text_scores
from traite_portal.search.backends.catalog.matching import WordPositions
from traite_portal.search.backends.catalog.sets import allowed_set
from traite_portal.search.backends.catalog.sets import document_values
from traite_portal.search.backends.catalog.sets import values_set
from traite_portal.search.columns import column
from traite_portal.search.facets import FACETS
from traite_portal.search.facets import PUBLIC_STATES
from traite_portal.search.identifiers.kinds import SECONDARY
from traite_portal.search.ranking import DEFAULT_AUTHORITY as DEFAULT
from traite_portal.search.ranking import TYPE_AUTHORITY

import heapq
import numpy


def best_first(scores, size: int | None = None) -> list[tuple[int, int]]:
    """The ``size`` best (docid, score) of an IIBucket (all without ``size``),
    in the order of its ``byValue(0)``: score, then docid, descending.

    Only the ``size`` best are sorted (``argpartition`` finds them), in numpy:
    sorting every match (as ``byValue`` does) costs more than the rest of the
    search when most texts match.
    """
    if size == 0:
        return []
    count = len(scores)
    keys = column(scores.keys(), count)
    values = column(scores.values(), count)
    # One int64 per document ordering as (score, docid): both are 32-bit
    # signed integers, the docid shifted to 0 … 2**32 - 1 below the score.
    order = values * 2**32 + (keys + 2**31)
    best = numpy.arange(count)
    if size is not None and size < count:
        best = numpy.argpartition(order, count - size)[count - size :]
    best = best[numpy.argsort(order[best])[::-1]]
    return list(zip(keys[best].tolist(), values[best].tolist(), strict=True))


class CatalogBackend:
    """The embedded default: Plone's catalog, no server needed."""

    name = "catalog"

    def __init__(self, site):
        self.catalog = api.portal.get_tool("portal_catalog")
        self.zcatalog = self.catalog._catalog

    def search(self, request: SearchRequest) -> SearchResult:
        # As Plone's searchResults: index what this transaction changed first.
        processQueue()

        def visible(docs=None):
            # Permission filtering on the documents at hand, not the site.
            return allowed_set(self.catalog, request.viewer, request.path, docs)

        if request.query is not None:
            # Only the visible matches are scored (the same scores as when
            # every match is: ``candidates.CandidateIndex``).
            phrases = {}
            docs = visible(match_set(self.zcatalog, request.query, phrases))
            scores = text_scores(self.zcatalog, request.query, docs, phrases)
        else:
            _, scores = weightedUnion(IIBucket(), visible(), 0, 1)
        found_by_id = self._identified(request.identifier_keys, visible)
        scores = self._identifiers_first(self._authority(scores), found_by_id)
        sees_unpublished = self._sees_unpublished(visible)
        facets = [f for f in FACETS if sees_unpublished or not f.restricted]
        selected = selection_sets(self.zcatalog, FACETS, request.filters)
        counts = facet_counts(self.zcatalog, facets, scores, selected)
        _, scores = weightedIntersection(scores, restrict(scores, selected), 1, 0)
        ordered = self._order(scores, request)
        page = ordered[request.b_start : request.b_start + request.b_size]
        jump = self._identified(request.jump_keys, visible)
        return SearchResult(
            total=len(scores),
            hits=[self._hit(docid, score, found_by_id) for docid, score in page],
            facets=counts,
            jump=self._uid(jump[0]) if len(jump) == 1 else None,
            sees_unpublished=sees_unpublished,
            backend=self.name,
        )

    def relevance(self, request: SearchRequest, candidates, found_by_id) -> list:
        """``[(docid, score)]``, at least up to the page's end: the catalog's
        relevance order of ``candidates`` (docids another backend matched for
        ``request``, ``found_by_id`` among them by an identifier), each scored
        as when the catalog searches everything (``candidates.CandidateIndex``)."""
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
        if len(scores) * candidates.LOOKUPS_PER_WALK < len(self.zcatalog):
            # A few documents (a server's candidates): each one's type looked
            # up, not every document of each type united.
            type_of = types._unindex.get
            return IIBucket(
                [
                    (docid, score * TYPE_AUTHORITY.get(type_of(docid), DEFAULT))
                    for docid, score in scores.items()
                ]
            )
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

    def _identified(self, keys, visible):
        """Visible items carrying the keys, or else those containing them."""
        if not keys:
            return ()
        index = self.zcatalog.getIndex("search_identifiers")
        for suffix in ("", SECONDARY):
            found = visible(values_set(index, [k + suffix for k in keys]))
            if found:
                return found
        return ()

    def _sees_unpublished(self, visible) -> bool:
        states = self.zcatalog.getIndex("review_state")
        hidden = [s for s in states._index.keys() if s not in PUBLIC_STATES]
        return bool(visible(values_set(states, hidden)))

    def _order(self, scores, request: SearchRequest) -> list[tuple[int, int]]:
        """(docid, score) in the order asked, at least up to the page's end."""
        end = request.b_start + request.b_size
        if request.sort == "relevance" and request.query is None:
            return best_first(scores, end)
        if request.sort == "relevance":
            size = max(ranking.PROXIMITY_CANDIDATES, end)
            return self._proximity(best_first(scores, size), request)
        ranked = best_first(scores)
        if request.sort == "date":
            index = self.zcatalog.getIndex("search_date")
            return sorted(ranked, key=lambda p: -(index._unindex.get(p[0]) or 0))
        if request.sort == "measure":
            index = self.zcatalog.getIndex("search_measure")
            return sorted(
                ranked, key=lambda p: min(document_values(index, p[0]) or (10**6,))
            )
        return ranked

    def _proximity(self, head, request):
        """Re-rank the best candidates by how close the query words stand.

        Candidates come best first, so once even the largest bonus cannot
        lift one to the page's last place, none after it can: their words
        are not read (they stay below the page, where order is not asked).
        """
        wids = query_wids(self.zcatalog, request.query)
        if len(wids) < 2:
            return head
        end = request.b_start + request.b_size
        positions, reranked, page_scores = WordPositions(self.zcatalog, wids), [], []
        for rank, (docid, score) in enumerate(head):
            if (
                end
                and len(page_scores) == end
                and (score + ranking.max_proximity_bonus(score) < page_scores[0])
            ):
                reranked.extend(head[rank:])
                break
            window = ranking.smallest_window(positions(docid))
            score += ranking.proximity_bonus(score, window, len(wids))
            reranked.append((docid, score))
            if len(page_scores) < end:
                heapq.heappush(page_scores, score)
            else:
                heapq.heappushpop(page_scores, score)
        reranked.sort(key=lambda p: -p[1])
        return reranked

    def _uid(self, docid) -> str:
        return self.zcatalog.getIndex("UID").getEntryForObject(docid)

    def _hit(self, docid, score, found_by_id) -> Hit:
        return Hit(self._uid(docid), float(score), docid in found_by_id)
