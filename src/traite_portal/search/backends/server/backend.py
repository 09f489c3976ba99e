"""The search-server backend: one search body, one page of UIDs, facet counts.

One round trip per search: the identifier probe (``probe.py``) rides in the
search request as an aggregation; a second request is made only when the
visible items carry none of the query's exact identifier keys but some of
its secondary ones. Answers come from the server's request cache when the
same body was asked since the index last changed (another page of a query).

Items whose last change the indexing worker has not sent yet (pending in the
outbox) are left out of the answer: the index may still hold their old
permissions or dates (a retracted item still public there), and leaving
them out is what keeps the counts from revealing them. When too many are
pending (the worker catching up after an outage), the catalog answers.

A server that does not answer in time raises :class:`ServerUnavailable`; the
pipeline then serves the catalog's answer and says so. After a failure the
server is left alone for ``RETRY_AFTER`` seconds (every search in between
goes straight to the catalog instead of waiting for a timeout).
"""

from DateTime import DateTime
from plone import api
from Products.PluginIndexes.util import datetime_to_minutes
from traite_portal.changelog.consumers import ChangeLogMissing
from traite_portal.changelog.consumers import pending
from traite_portal.changelog.consumers import UnknownConsumer
from traite_portal.changelog.cursors import CursorGone
from traite_portal.search.backends.base import Hit
from traite_portal.search.backends.base import SearchRequest
from traite_portal.search.backends.base import SearchResult
from traite_portal.search.backends.server.engines import get_engine
from traite_portal.search.backends.server.engines import ServerError
from traite_portal.search.backends.server.engines import ServerUnavailable
from traite_portal.search.backends.server.probe import identifier_levels
from traite_portal.search.backends.server.probe import PROBE
from traite_portal.search.backends.server.probe import probe_aggregation
from traite_portal.search.backends.server.probe import read_probe
from traite_portal.search.backends.server.query import IDENTIFIER_QUERY
from traite_portal.search.backends.server.query import permission_filter
from traite_portal.search.backends.server.query import search_body
from traite_portal.search.backends.server.rerank import depth
from traite_portal.search.backends.server.rerank import rerank
from traite_portal.search.backends.server.rerank import reranks
from traite_portal.search.backends.server.settings import ServerSettings
from traite_portal.search.facets import FACETS
from traite_portal.search.indexing.outbox import CONSUMER

import os
import threading
import time


RETRY_AFTER = float(os.environ.get("TRAITE_SEARCH_RETRY_AFTER", "10"))
# How long the analysis mode read from the index's _meta is trusted.
META_TTL = 30.0
# Above this many unsent changes the index is too far behind: the catalog answers.
UNSENT_LIMIT = "1000"
_down_until: dict = {}
_meta: dict = {}
_lock = threading.Lock()


def mark_down(settings: ServerSettings) -> None:
    with _lock:
        _down_until[settings] = time.monotonic() + RETRY_AFTER


def mark_up(settings: ServerSettings) -> None:
    with _lock:
        _down_until.pop(settings, None)


def resting(settings: ServerSettings) -> bool:
    """True while the server is left alone after a failure."""
    return _down_until.get(settings, 0) > time.monotonic()


class ServerBackend:
    """OpenSearch or Elasticsearch, as ``settings`` say."""

    def __init__(self, site, settings: ServerSettings):
        self.settings = settings
        self.name = settings.engine
        self.engine = get_engine(settings)
        self.site = site
        self.alias = settings.alias(site.getId())
        self.catalog = api.portal.get_tool("portal_catalog")

    def analysis(self) -> str:
        """How the alias's index analyses text (``server`` or ``portal``)."""
        key = (self.settings, self.alias)
        cached = _meta.get(key)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        try:
            meta = self.engine.mapping_meta(self.alias)
        except ServerError as error:
            if error.status == 404:
                raise ServerUnavailable(f"index {self.alias} absent") from error
            raise
        _meta[key] = (time.monotonic() + META_TTL, meta.get("analysis", "portal"))
        return _meta[key][1]

    def search(self, request: SearchRequest) -> SearchResult:
        if resting(self.settings):
            raise ServerUnavailable("server resting after a failure")
        try:
            result = self._search(request)
        except ServerUnavailable:
            mark_down(self.settings)
            raise
        mark_up(self.settings)
        return result

    def _now(self) -> int:
        index = self.catalog._catalog.getIndex("effectiveRange")
        return datetime_to_minutes(DateTime(), index.getPrecisionValue())

    def _search(self, request: SearchRequest) -> SearchResult:
        analysis = self.analysis()
        permissions = permission_filter(
            request.viewer, self._now(), request.path, self._unsent()
        )
        levels = identifier_levels(request.identifier_keys, request.jump_keys)
        exact = levels.get(("id", 0), ())
        answer = self._hits(request, analysis, permissions, exact, levels)
        id_keys, jump = read_probe(levels, answer["aggregations"])
        if id_keys and id_keys != exact:  # only secondary keys are carried
            answer = self._hits(request, analysis, permissions, id_keys, {})
        aggs = answer["aggregations"]
        sees_unpublished = aggs["sees_unpublished"]["hidden"]["doc_count"] > 0
        facets = {
            facet.name: {
                bucket["key"]: bucket["doc_count"]
                for bucket in aggs[facet.name]["values"]["buckets"]
            }
            for facet in FACETS
            if sees_unpublished or not facet.restricted
        }
        hits = [
            Hit(
                hit["fields"]["UID"][0],
                float(hit.get("_score") or 0),
                IDENTIFIER_QUERY in hit.get("matched_queries", ()),
            )
            for hit in answer["hits"]["hits"]
        ]
        if reranks(request):
            hits = rerank(self.site, request, hits)
        return SearchResult(
            total=answer["hits"]["total"]["value"],
            hits=hits,
            facets=facets,
            jump=jump,
            sees_unpublished=sees_unpublished,
            backend=self.name,
            analysis=analysis,
        )

    def _hits(self, request, analysis, permissions, id_keys, levels) -> dict:
        """The server's answer: hits, counts, and the identifier probe when
        ``levels`` are asked (``probe.py``)."""
        body = search_body(request, analysis, permissions, id_keys)
        if levels:
            body["aggs"][PROBE] = probe_aggregation(levels, permissions)
        if reranks(request):
            # The server's best candidates (after its proximity rescore over
            # the proximity window), which the catalog orders.
            body.update({"from": 0, "size": depth(request)})
        # The same search asked again (another page of it, a repeated
        # query) is answered from the server's request cache.
        return self.engine.search(self.alias, body, cache=True)

    def _unsent(self) -> list[str]:
        """UIDs the index holds an older state of (pending in the outbox)."""
        limit = int(os.environ.get("TRAITE_SEARCH_UNSENT_LIMIT", UNSENT_LIMIT))
        try:
            changes = pending(self.site, CONSUMER, limit + 1)
        except (ChangeLogMissing, UnknownConsumer):
            return []  # no worker feeds this index: nothing to wait for
        except CursorGone as error:
            raise ServerUnavailable("index behind the pruned change log") from error
        if len(changes) > limit:
            raise ServerUnavailable(f"{len(changes)}+ changes not indexed yet")
        return sorted({change.uid for change in changes})
