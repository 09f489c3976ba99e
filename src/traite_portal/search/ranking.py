"""How results are ordered: one table of weights, shared by every backend.

Relevance = Σ field weight × the field's BM25 score, × the type's authority,
+ a bonus when the query's words stand close together, and items whose
identifier the query names come first. Sorting by date or by measure number
uses the ``search_date`` and ``search_measure`` indexes.
"""

from traite_portal import _


# Text indexes and their weight (identifiers rank above all: IDENTIFIER_RANK).
FIELD_WEIGHTS = {"Title": 6, "Description": 2, "SearchableText": 1}

# Authority of a type, in tenths: the plan and the legal texts it builds on
# rank above the proposals that quote them.
TYPE_AUTHORITY = {
    "Measure": 20,
    "Chapter": 20,
    "ActionPlan": 16,
    "Annex": 16,
    "Convention": 20,
    "EuropeanText": 20,
    "NationalText": 20,
    "Circular": 20,
    "CourtRuling": 20,
    "GretaRecommendation": 20,
    "Proposal": 10,
}
DEFAULT_AUTHORITY = 10

# Items whose identifier the query names score this many times the best
# text score, so that they come first.
IDENTIFIER_RANK = 10

# Proximity: the best window holding every query word, among this many top
# results; words side by side earn PROXIMITY_BONUS percent, spread over a
# window PROXIMITY_SPAN times the number of words earn nothing.
PROXIMITY_CANDIDATES = 200
PROXIMITY_BONUS = 50
PROXIMITY_SPAN = 8

SORTS = {
    "relevance": _("sort_relevance", default="Pertinence"),
    "date": _("sort_date", default="Date (plus récent d'abord)"),
    "measure": _("sort_measure", default="Numéro de mesure"),
}
DEFAULT_SORT = "relevance"


def smallest_window(positions: dict[int, list[int]]) -> int | None:
    """Length of the shortest stretch holding one position of every term."""
    if not positions or any(not p for p in positions.values()):
        return None
    events = sorted((pos, term) for term, plist in positions.items() for pos in plist)
    need, counts, best, left = len(positions), {}, None, 0
    for pos, term in events:
        counts[term] = counts.get(term, 0) + 1
        while len(counts) == need:
            start, first = events[left]
            span = pos - start + 1
            best = span if best is None else min(best, span)
            counts[first] -= 1
            if not counts[first]:
                del counts[first]
            left += 1
    return best


def proximity_bonus(score: int, window: int | None, terms: int) -> int:
    """Extra score for a document whose query words lie ``window`` apart."""
    if window is None or terms < 2:
        return 0
    spread = (window - terms) / ((PROXIMITY_SPAN - 1) * terms)
    factor = max(0.0, 1.0 - spread)
    return int(score * PROXIMITY_BONUS * factor / 100)


def largest_bonus(score: int) -> int:
    """The most ``proximity_bonus`` can add to ``score`` (words side by side)."""
    return int(score * PROXIMITY_BONUS / 100)
