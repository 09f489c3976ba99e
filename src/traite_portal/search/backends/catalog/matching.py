"""The query tree as ZCTextIndex parse nodes, scored per text index."""

from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import weightedIntersection
from BTrees.IIBTree import weightedUnion
from Products.ZCTextIndex.ParseTree import AndNode
from Products.ZCTextIndex.ParseTree import AtomNode
from Products.ZCTextIndex.ParseTree import GlobNode
from Products.ZCTextIndex.ParseTree import NotNode
from Products.ZCTextIndex.ParseTree import OrNode
from Products.ZCTextIndex.ParseTree import PhraseNode
from traite_portal.search.backends.catalog.candidates import CandidateIndex
from traite_portal.search.query.nodes import AnyOf
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import Word
from traite_portal.search.ranking import FIELD_WEIGHTS


def _leaf(text: str, lexicon):
    # As ZCTextIndex's own query parser does: the lexicon splits and folds
    # the text (parseTerms); each term goes back through it when matched.
    terms = lexicon.parseTerms(text)
    if not terms:
        return None
    if len(terms) > 1:
        return PhraseNode(terms)
    term = terms[0]
    return GlobNode(term) if lexicon.isGlob(term) else AtomNode(term)


def to_parse_tree(node, lexicon):
    """ZCTextIndex nodes for a query tree (None for a node of stop words)."""
    if isinstance(node, Word):
        return _leaf(node.text, lexicon)
    if isinstance(node, Phrase):
        return _leaf(node.text, lexicon)
    if isinstance(node, AnyOf):
        options = [to_parse_tree(o, lexicon) for o in node.options]
        options = [o for o in options if o is not None]
        return OrNode(options) if options else None
    children = [to_parse_tree(r, lexicon) for r in node.required]
    children += [
        NotNode(child)
        for child in (to_parse_tree(e, lexicon) for e in node.excluded)
        if child is not None
    ]
    children = [c for c in children if c is not None]
    return AndNode(children) if children else None


def _execute(zcatalog, name: str, query, only=None):
    index = zcatalog.getIndex(name)
    tree = to_parse_tree(query, index.getLexicon())
    text_index = index.index if only is None else CandidateIndex(index.index, only)
    found = tree.executeQuery(text_index) if tree is not None else None
    return found if found is not None else IIBucket()


def text_scores(zcatalog, query, only=None) -> IIBucket:
    """docid → weighted BM25 score over Title, Description and SearchableText.

    SearchableText (which holds the title and description too) decides what
    matches, so that ``-mot`` excludes an item whose title alone matches; the
    other fields only add weight to those matches. ``only``: the docids to
    score (each scored as when everything is), instead of every match.
    """
    matches = _execute(zcatalog, "SearchableText", query, only)
    _, scores = weightedUnion(IIBucket(), matches, 0, FIELD_WEIGHTS["SearchableText"])
    for name, weight in FIELD_WEIGHTS.items():
        if name == "SearchableText" or not matches:
            continue
        _, boost = weightedIntersection(
            _execute(zcatalog, name, query, only), matches, weight, 0
        )
        _, scores = weightedUnion(scores, boost, 1, 1)
    return scores


def proximity_terms(node) -> list[str]:
    """The words the user typed, in order (a synonym group by its original)."""
    if isinstance(node, Word):
        return [] if node.glob else [node.text]
    if isinstance(node, Phrase):
        return list(node.words)
    if isinstance(node, AnyOf):
        return proximity_terms(node.options[0]) if len(node.options) else []
    return [w for r in node.required for w in proximity_terms(r)]


def query_wids(zcatalog, query) -> list[int]:
    """Distinct lexicon ids of the user's words (stop and unknown words left out)."""
    lexicon = zcatalog.getIndex("SearchableText").getLexicon()
    wids = []
    for word in proximity_terms(query):
        for wid in lexicon.termToWordIds(word):
            if wid and wid not in wids:
                wids.append(wid)
    return wids


def word_positions(zcatalog, docid, wids) -> dict[int, list[int]]:
    """Where each query word stands in the document's SearchableText."""
    index = zcatalog.getIndex("SearchableText").index
    positions = {wid: [] for wid in wids}
    try:
        words = index.get_words(docid)
    except KeyError:
        return positions
    for position, wid in enumerate(words):
        if wid in positions:
            positions[wid].append(position)
    return positions
