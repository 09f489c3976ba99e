"""The answer of a search as JSON: the shape of ``@legal-search``."""

from plone.restapi.batching import HypermediaBatch
from traite_portal.search.facet_labels import FacetLabels
from traite_portal.search.facets import FACETS
from traite_portal.search.query.nodes import describe
from traite_portal.search.ranking import SORTS
from traite_portal.search.sources import source_of
from traite_portal.search.sources import SOURCES
from zope.i18n import translate


def _tr(message, request) -> str:
    return translate(message, context=request)


def serialize_brain(brain, request, labels: FacetLabels) -> dict:
    """The summary of an item, as plone.restapi's search lists it."""
    source = source_of(brain.portal_type)
    return {
        "@id": brain.getURL(),
        "@type": brain.portal_type,
        "UID": brain.UID,
        "title": brain.Title,
        "description": brain.Description,
        "review_state": brain.review_state,
        "type_title": labels.type_title(brain.portal_type),
        "source": source,
        "source_title": _tr(SOURCES[source], request),
    }


def serialize_item(item, request, labels) -> dict:
    """A result: its summary, score, identifier match and snippets."""
    data = serialize_brain(item.brain, request, labels)
    data["score"] = round(item.score, 3)
    data["identifier_match"] = item.by_identifier
    data["snippets"] = [
        {
            "field": s.field,
            "label": _tr(s.label, request),
            "text": s.text,
            "html": s.html,
        }
        for s in item.snippets
    ]
    return data


def serialize_facets(answer, request, labels) -> list[dict]:
    """The facets shown to this user, with counts and selected values."""
    facets = []
    for facet in FACETS:
        counts = answer.result.facets.get(facet.name)
        if counts is None:
            continue
        selected = set(answer.params.filters.get(facet.name, ()))
        values = [
            {
                "value": value,
                "title": labels(facet, value),
                "count": count,
                "selected": value in selected,
            }
            for value, count in counts.items()
        ]
        if facet.order == "value":
            values.sort(key=lambda v: v["value"])
        else:
            values.sort(key=lambda v: (-v["count"], v["title"]))
        facets.append(
            {"name": facet.name, "title": _tr(facet.label, request), "values": values}
        )
    return facets


def serialize_answer(answer, request, endpoint_url: str) -> dict:
    """The whole answer; batching links as plone.restapi writes them."""
    labels = FacetLabels(request)
    total = answer.result.total
    batch = HypermediaBatch(request, range(total))
    data = {
        "@id": batch.canonical_url if total else endpoint_url,
        "q": answer.params.q,
        "query": {
            "understood": describe(answer.query) if answer.query is not None else "",
            "expansions": [
                {
                    "typed": describe(original),
                    "alternatives": [describe(a) for a in alternatives],
                }
                for original, alternatives in answer.expansions
            ],
        },
        "backend": answer.result.backend,
        "sort_on": answer.params.sort,
        "sort_options": [
            {"value": key, "title": _tr(title, request)} for key, title in SORTS.items()
        ],
        "items_total": total,
        "items": [serialize_item(i, request, labels) for i in answer.items],
        "facets": serialize_facets(answer, request, labels),
        "jump": None,
    }
    links = batch.links
    if links:
        data["batching"] = links
    if answer.jump is not None:
        data["jump"] = serialize_brain(answer.jump, request, labels)
    return data
