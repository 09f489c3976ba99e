"""A :class:`SearchRequest` as one search body for OpenSearch / Elasticsearch.

The same decisions as the catalog backend, written as a query: the text
matches on ``SearchableText`` and the title and description add weight
(``ranking.FIELD_WEIGHTS``); each score is multiplied by the type's
authority; items carrying an identifier of the query come first; the
caller's permission tokens and the publication range are in ``bool.filter``
(so facet counts respect them); a facet's selection filters the hits
(``post_filter``) and every other facet's counts, not its own; among the best
candidates, query words close together earn up to half the score again
(a rescore with one ``span_near`` per distance level), which chooses the
candidates the catalog's ranking orders (``rerank.py``).
"""

from traite_portal.search import ranking
from traite_portal.search.analysis import analyse_glob
from traite_portal.search.analysis import analyse_text
from traite_portal.search.backends.catalog.matching import proximity_terms
from traite_portal.search.backends.server.mapping import SERVER_ANALYSIS
from traite_portal.search.facets import FACETS
from traite_portal.search.facets import PUBLIC_STATES
from traite_portal.search.query.nodes import AnyOf
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import Word


# Items found by identifier score this much above any text score.
IDENTIFIER_BOOST = 1e6
IDENTIFIER_QUERY = "identifier"
# Facet values returned per facet (the corpus has fewer for every facet).
FACET_SIZE = 1000
# Span clauses one proximity rescore may hold: the servers refuse a query of
# more than 1024 clauses (``indices.query.bool.max_clause_count``).
PROXIMITY_CLAUSES = 800
# Distance levels of the proximity rescore: it only chooses the candidates
# the catalog then orders (``rerank.py``), so a few levels do; each one is
# parsed and run by the server at every search.
PROXIMITY_LEVELS = 8


class TextQuery:
    """Leaves of the query tree as server queries on one field."""

    def __init__(self, analysis: str):
        self.analysis = analysis

    def leaf(self, node, field: str) -> dict | None:
        if isinstance(node, Word) and node.glob:
            pattern = analyse_glob(node.text)
            if not pattern:
                return None
            # Every word the pattern expands to scores, as in ZCTextIndex.
            return {
                "wildcard": {field: {"value": pattern, "rewrite": "scoring_boolean"}}
            }
        tokens = analyse_text(node.text)
        if not tokens:
            return None  # stop words only: left out, as the catalog does
        text = node.text if self.analysis == SERVER_ANALYSIS else " ".join(tokens)
        if len(tokens) == 1:
            return {"match": {field: {"query": text}}}
        # A phrase scores as its words together (as ZCTextIndex does) and
        # must have them in order.
        return {
            "bool": {
                "must": [{"match": {field: {"query": text, "operator": "and"}}}],
                "filter": [{"match_phrase": {field: {"query": text}}}],
            }
        }

    def tree(self, node, field: str) -> dict | None:
        """The query tree on ``field`` (None when nothing in it can match)."""
        if isinstance(node, (Word, Phrase)):
            return self.leaf(node, field)
        if isinstance(node, AnyOf):
            options = [self.tree(o, field) for o in node.options]
            options = [o for o in options if o is not None]
            if not options:
                return None
            return {"bool": {"should": options, "minimum_should_match": 1}}
        required = [self.tree(r, field) for r in node.required]
        required = [r for r in required if r is not None]
        if not required:
            return None
        excluded = [self.tree(e, field) for e in node.excluded]
        clause = {"must": required}
        excluded = [e for e in excluded if e is not None]
        if excluded:
            clause["must_not"] = excluded
        return {"bool": clause}


def text_query(query, analysis: str) -> dict:
    """SearchableText decides; the title and description add weight."""
    texts = TextQuery(analysis)
    main = texts.tree(query, "SearchableText")
    if main is None:
        return {"match_none": {}}
    boosts = []
    for field, weight in ranking.FIELD_WEIGHTS.items():
        if field == "SearchableText":
            continue
        clause = texts.tree(query, field)
        if clause is not None:
            boosts.append({"bool": {"must": [clause], "boost": weight}})
    return {"bool": {"must": [main], "should": boosts}}


def with_authority(query: dict) -> dict:
    """The score × the type's authority (``ranking.TYPE_AUTHORITY``)."""
    by_weight = {}
    for portal_type, weight in ranking.TYPE_AUTHORITY.items():
        by_weight.setdefault(weight, []).append(portal_type)
    functions = [
        {"filter": {"terms": {"portal_type": sorted(types)}}, "weight": weight / 10}
        for weight, types in sorted(by_weight.items())
    ]
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "first",
            "boost_mode": "multiply",
        }
    }


def permission_filter(
    viewer, now_minutes: int, path: str | None, unsent=()
) -> list[dict]:
    """What the viewer may see, as the catalog's searchResults decides it;
    ``unsent`` UIDs (changes the index lacks) are left out."""
    filters = [{"terms": {"allowedRolesAndUsers": list(viewer.allowed)}}]
    if unsent:
        filters.append({"bool": {"must_not": [{"ids": {"values": list(unsent)}}]}})
    if not viewer.show_inactive:
        filters.append(
            {
                "bool": {
                    "must_not": [
                        {"range": {"effective": {"gt": now_minutes}}},
                        {"range": {"expires": {"lt": now_minutes}}},
                    ]
                }
            }
        )
    if path:
        filters.append({"term": {"paths": path}})
    return filters


def identifier_filter(keys) -> dict:
    return {"terms": {"search_identifiers": list(keys)}}


def scored_query(request, analysis: str, permissions: list, id_keys) -> dict:
    """Text × authority, identifiers first, inside the permission filter."""
    if request.query is None:
        main = with_authority({"match_all": {}})
    else:
        main = with_authority(text_query(request.query, analysis))
    if not id_keys:
        return {"bool": {"must": [main], "filter": permissions}}
    found = {
        "constant_score": {
            "filter": identifier_filter(id_keys),
            "boost": IDENTIFIER_BOOST,
            "_name": IDENTIFIER_QUERY,
        }
    }
    return {
        "bool": {
            "should": [main, found],
            "minimum_should_match": 1,
            "filter": permissions,
        }
    }


def selections(filters: dict) -> dict:
    """{facet name: filter on its selected values}."""
    return {
        facet.name: {"terms": {facet.index: list(filters[facet.name])}}
        for facet in FACETS
        if filters.get(facet.name)
    }


def facet_aggregations(selected: dict, permissions: list) -> dict:
    """Each facet counted under every selection but its own; and whether the
    viewer sees any unpublished item at all."""
    aggs = {}
    for facet in FACETS:
        others = [f for name, f in selected.items() if name != facet.name]
        aggs[facet.name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": facet.index, "size": FACET_SIZE}}},
        }
    aggs["sees_unpublished"] = {
        "global": {},
        "aggs": {
            "hidden": {
                "filter": {
                    "bool": {
                        "filter": [*permissions, {"exists": {"field": "review_state"}}],
                        "must_not": [
                            {"terms": {"review_state": sorted(PUBLIC_STATES)}}
                        ],
                    }
                }
            }
        },
    }
    return aggs


def proximity_tokens(query) -> list[str]:
    """The distinct index tokens of the words the user typed, in order."""
    tokens = []
    for word in proximity_terms(query):
        for token in analyse_text(word):
            if token not in tokens:
                tokens.append(token)
    return tokens


def proximity_rescore(query, window: int) -> dict | None:
    """×(1 + ½ × closeness) for the best ``window`` candidates (``ranking``)."""
    tokens = proximity_tokens(query)
    if len(tokens) < 2:
        return None
    terms = len(tokens)
    span = (ranking.PROXIMITY_SPAN - 1) * terms
    clauses = [{"span_term": {"SearchableText": token}} for token in tokens]
    # At most PROXIMITY_LEVELS distances; a long query (a URL typed whole)
    # gets fewer, coarser ones.
    step = max(-(-span // PROXIMITY_LEVELS), -(-span * terms // PROXIMITY_CLAUSES))
    levels = [
        {
            "constant_score": {
                "filter": {
                    "span_near": {"clauses": clauses, "slop": slop, "in_order": False}
                },
                "boost": 1 + ranking.PROXIMITY_BONUS / 100 * (1 - slop / span),
            }
        }
        for slop in range(0, span, step)
    ]
    return {
        "window_size": window,
        "query": {
            "rescore_query": {"dis_max": {"queries": levels}},
            "query_weight": 1,
            "rescore_query_weight": 1,
            "score_mode": "multiply",
        },
    }


def sort_clause(sort: str):
    """Sort by date or by measure number (then by relevance); None: relevance."""
    if sort == "date":
        return [{"search_date": {"order": "desc", "missing": "_last"}}, "_score"]
    if sort == "measure":
        return [
            {"search_measure": {"order": "asc", "mode": "min", "missing": "_last"}},
            "_score",
        ]
    return None


def search_body(request, analysis: str, permissions: list, id_keys) -> dict:
    """The whole search body of one request."""
    selected = selections(request.filters)
    body = {
        "query": scored_query(request, analysis, permissions, id_keys),
        "aggs": facet_aggregations(selected, permissions),
        "from": request.b_start,
        "size": request.b_size,
        # Hits carry their UID from doc values: reading ``_id`` (a stored
        # field) unpacks each hit's compressed block of stored text.
        "stored_fields": "_none_",
        "docvalue_fields": ["UID"],
        "track_total_hits": True,
    }
    if selected:
        body["post_filter"] = {"bool": {"filter": list(selected.values())}}
    order = sort_clause(request.sort)
    if order:
        body["sort"] = order
        body["track_scores"] = True
    elif request.query is not None:
        window = max(ranking.PROXIMITY_CANDIDATES, request.b_start + request.b_size)
        rescore = proximity_rescore(request.query, window)
        if rescore:
            body["rescore"] = rescore
    return body
