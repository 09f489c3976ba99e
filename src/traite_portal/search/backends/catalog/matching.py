"""The query tree as ZCTextIndex parse nodes, scored per text index."""

from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IISet
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import weightedIntersection
from BTrees.IIBTree import weightedUnion
from Products.ZCTextIndex import WidCode
from Products.ZCTextIndex.ParseTree import AndNode
from Products.ZCTextIndex.ParseTree import AtomNode
from Products.ZCTextIndex.ParseTree import GlobNode
from Products.ZCTextIndex.ParseTree import NotNode
from Products.ZCTextIndex.ParseTree import OrNode
from Products.ZCTextIndex.ParseTree import PhraseNode
from traite_portal.search.backends.catalog.candidates import CandidateIndex
from traite_portal.search.backends.catalog.candidates import MatchIndex
from traite_portal.search.query.nodes import AnyOf
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import Word
from traite_portal.search.ranking import FIELD_WEIGHTS

import re


# A word code's first byte, and the bytes that continue a code (WidCode).
_CODE_START = "[\x80-\xff]"
_CONTINUATION = bytes(range(0x80))


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


def _execute(zcatalog, name: str, query, only=None, phrases=None):
    index = zcatalog.getIndex(name)
    tree = to_parse_tree(query, index.getLexicon())
    text_index = (
        index.index if only is None else CandidateIndex(index.index, only, phrases)
    )
    found = tree.executeQuery(text_index) if tree is not None else None
    return found if found is not None else IIBucket()


def match_set(
    zcatalog, query, phrases: dict | None = None, name="SearchableText", within=None
) -> IISet:
    """The documents ``text_scores`` scores (those SearchableText matches),
    found by set operations alone (``candidates.MatchIndex``); ``phrases``,
    when given, receives the documents holding each phrase of the query.
    ``name``: another text index; ``within``: only these documents."""
    index = zcatalog.getIndex(name)
    tree = to_parse_tree(query, index.getLexicon())
    matcher = MatchIndex(index.index, within)
    found = tree.executeQuery(matcher) if tree is not None else None
    if phrases is not None:
        phrases.update(matcher.phrases)
    # A copy: the mapping may be one of the index's own postings.
    return multiunion([found]) if found is not None else IISet()


def text_scores(zcatalog, query, only=None, phrases=None) -> IIBucket:
    """docid → weighted BM25 score over Title, Description and SearchableText.

    SearchableText (which holds the title and description too) decides what
    matches, so that ``-mot`` excludes an item whose title alone matches; the
    other fields only add weight to those matches. ``only``: the docids to
    score (each scored as when everything is), instead of every match;
    ``phrases``: what ``match_set`` found of SearchableText's phrases.
    """
    matches = _execute(zcatalog, "SearchableText", query, only, phrases)
    _, scores = weightedUnion(IIBucket(), matches, 0, FIELD_WEIGHTS["SearchableText"])
    for name, weight in FIELD_WEIGHTS.items():
        if name == "SearchableText" or not matches:
            continue
        field_only, field_phrases = only, None
        if only is not None:
            # Only the candidates the field matches are scored in it: scoring
            # each word on every candidate would keep only those holding all.
            field_phrases = {}
            field_only = match_set(zcatalog, query, field_phrases, name, IISet(only))
            if not field_only:
                continue
        found = _execute(zcatalog, name, query, field_only, field_phrases)
        _, boost = weightedIntersection(found, matches, weight, 0)
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


class WordPositions:
    """Where the query words stand in a document's SearchableText, read from
    the index's encoded word list without decoding all of it.

    ZCTextIndex's ``WidCode`` starts every word code with the only byte that
    has its high bit set, so a code found right before another start (or the
    end) is a whole word, and its position is the number of starts before it.
    """

    def __init__(self, zcatalog, wids):
        self.docwords = zcatalog.getIndex("SearchableText").index._docwords
        self.wids = list(wids)
        self.codes = {WidCode.encode([wid]): wid for wid in self.wids}
        alternatives = "|".join(
            re.escape(code) for code in sorted(self.codes, key=len, reverse=True)
        )
        self.pattern = re.compile(f"(?:{alternatives})(?={_CODE_START}|\\Z)")

    def __call__(self, docid) -> dict[int, list[int]]:
        positions = {wid: [] for wid in self.wids}
        code = self.docwords.get(docid)
        if code is None:
            return positions
        if isinstance(code, bytes):  # as WidCode.decode: left from Python 2
            code = code.decode("latin-1")
        raw = code.encode("latin-1")
        position, counted = 0, 0
        for match in self.pattern.finditer(code):
            start = match.start()
            position += len(raw[counted:start].translate(None, _CONTINUATION))
            counted = start
            positions[self.codes[match.group()]].append(position)
        return positions
