"""The identifier probe, asked inside the search request itself.

Which identifier keys of the query the visible items carry (exact, else the
secondary ones they contain), and the one visible item the whole query
identifies (the jump): one ``filter`` aggregation per key set and level,
under a ``global`` aggregation filtered by the caller's permissions (the
visible items, whatever the text query matches).

The search asks for the hits with the exact keys in the same request. That
answer is the right one unless no visible item carries an exact key and one
carries a secondary key: only then is a second request needed (the hits with
the secondary keys). When no visible item carries any key, a query naming
the exact keys finds and scores exactly what a query without them does (the
identifier clause matches nothing the permission filter lets through).
"""

from traite_portal.search.backends.server.query import identifier_filter
from traite_portal.search.identifiers.kinds import SECONDARY


PROBE = "identifier_probe"


def identifier_levels(identifier_keys, jump_keys) -> dict:
    """``{(name, level): keys}``: level 0 the exact keys, 1 the secondary."""
    return {
        (name, level): tuple(k + suffix for k in keys)
        for name, keys in (("id", identifier_keys), ("jump", jump_keys))
        for level, suffix in enumerate(("", SECONDARY))
        if keys
    }


def probe_aggregation(levels: dict, permissions: list) -> dict:
    """The aggregation counting each level's visible items (two of each)."""
    return {
        "global": {},
        "aggs": {
            "visible": {
                "filter": {"bool": {"filter": permissions}},
                "aggs": {
                    f"{name}{level}": {
                        "filter": identifier_filter(marked),
                        "aggs": {"items": {"top_hits": {"size": 2, "_source": False}}},
                    }
                    for (name, level), marked in levels.items()
                },
            }
        },
    }


def read_probe(levels: dict, aggregations: dict) -> tuple:
    """``(keys, jump)``: the keys visible items carry (exact first, else
    secondary, else none) and the UID of the one visible item the whole
    query identifies (None if not exactly one)."""
    if not levels:
        return (), None
    buckets = aggregations[PROBE]["visible"]

    def first(name):
        for level in (0, 1):
            bucket = buckets.get(f"{name}{level}")
            if bucket and bucket["doc_count"]:
                return levels[(name, level)], bucket
        return (), None

    keys, _bucket = first("id")
    _marked, bucket = first("jump")
    jump = None
    if bucket is not None and bucket["doc_count"] == 1:
        jump = bucket["items"]["hits"]["hits"][0]["_id"]
    return keys, jump
