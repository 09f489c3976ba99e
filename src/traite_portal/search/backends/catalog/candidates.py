"""A ZCTextIndex text index seen through a few candidate documents, or
asked only which documents match.

Another backend (a search server) finds and counts the matches; the catalog
then orders its best candidates with its own code. ``CandidateIndex`` runs
the index's own search methods (``search``, ``search_glob``) unchanged, over
postings that list only the candidates but keep the whole index's
statistics: the number of documents holding a word (idf), document lengths,
their mean. Okapi's scoring (``_search_wids``) is its own arithmetic, term
for term, on numpy columns; a phrase whose documents are already known is
scored on the candidates holding it. Each candidate's score is therefore the
one the catalog gives it when it searches everything
(``tests/search/test_search_candidates.py``), for a cost that grows with the
candidates, not the corpus.

The catalog's own search uses both: ``MatchIndex`` first finds which
documents match (set operations in C, no score; each phrase's documents kept),
then only those the viewer may see are scored, through ``CandidateIndex``.
Okapi's own scoring loop is Python: scoring each word's whole postings, as
a plain catalog query does, costs far more than scoring the documents that
hold every word, in C.
"""

from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import weightedIntersection
from Products.ZCTextIndex import WidCode
from Products.ZCTextIndex.BaseIndex import inverse_doc_frequency
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from Products.ZCTextIndex.SetOps import mass_weightedIntersection
from traite_portal.search.columns import bucket
from traite_portal.search.columns import column

import numpy


# Looking one document's length up costs about as much as walking this many
# entries of the lengths' BTree in C (measured here: at 100,000 documents,
# 3,000 lookups take about as long as one walk, 1 ms).
LOOKUPS_PER_WALK = 30


def cut(mapping, candidates, size: int) -> IIBucket:
    """{docid: value} of the BTree ``mapping`` (``size`` entries) for the
    ``candidates`` it holds: a few candidates (a server's best hits) looked
    up one by one, many cut in C (which walks the whole of ``mapping``)."""
    if len(candidates) * LOOKUPS_PER_WALK < size:
        found = ((d, mapping.get(d)) for d in candidates)
        return IIBucket([(d, v) for d, v in found if v is not None])
    return weightedIntersection(mapping, candidates, 1, 0)[1]


def search_phrase(view, phrase):
    """``BaseIndex.search_phrase`` run on ``view`` (an index or a view of
    one), with its loop over the documents holding every word tighter: their
    word lists are read in one ``map`` and searched with ``in``."""
    wids = view._lexicon.termToWordIds(phrase)
    if len(view._remove_oov_wids(wids)) != len(wids):
        return IIBTree()  # a word the index lacks: no document holds it
    hits = mass_weightedIntersection(view._search_wids(wids))
    if not hits:
        return hits
    code = WidCode.encode(wids)
    docids = hits.keys()
    texts = map(view._docwords.__getitem__, docids)
    holding = IISet(
        [d for d, words in zip(docids, texts, strict=True) if code in words]
    )
    return weightedIntersection(hits, holding, 1, 0)[1]


class CandidatePostings:
    """One word's postings {docid: frequency} limited to the candidates;
    ``len`` stays the word's document frequency in the whole index."""

    def __init__(self, postings, candidates):
        self.postings = postings
        self.candidates = candidates

    def __len__(self) -> int:
        return len(self.postings)

    def bucket(self) -> IIBucket:
        """{docid: frequency} of the candidates holding the word."""
        postings = self.postings
        if isinstance(postings, dict):  # a rare word's postings (DICT_CUTOFF)
            postings = IIBucket(postings)
        return cut(postings, self.candidates, len(postings))

    def items(self):
        return self.bucket().items()


class CandidateWordInfo:
    """The index's ``_wordinfo`` (wid → postings), limited as above."""

    def __init__(self, wordinfo, candidates):
        self.wordinfo = wordinfo
        self.candidates = candidates

    def __getitem__(self, wid) -> CandidatePostings:
        return CandidatePostings(self.wordinfo[wid], self.candidates)

    def has_key(self, wid) -> bool:
        return wid in self.wordinfo

    __contains__ = has_key


def _run_search_code_on(view, index, names) -> None:
    # The index class's own search code, run on the view.
    cls = type(index)
    for name in names:
        setattr(view, name, getattr(cls, name).__get__(view))
    view._remove_oov_wids = cls._remove_oov_wids.__get__(view)


class CandidateIndex:
    """``index`` (an Okapi or cosine text index) limited to ``candidates``
    (docids); everything else is read from ``index`` itself.

    ``phrases``: {phrase's word ids: every document of ``index`` holding the
    phrase}, as a ``MatchIndex`` of the same index found them; such a phrase
    is then scored on the candidates holding it, without reading each
    candidate's words again."""

    def __init__(self, index, candidates, phrases=None):
        self._index = index
        self._candidates = IISet(candidates)
        self._phrases = phrases or {}
        self._wordinfo = CandidateWordInfo(index._wordinfo, self._candidates)
        self._lengths = None
        _run_search_code_on(self, index, ("search", "search_glob"))
        if isinstance(index, OkapiIndex):
            self._search_wids = self._okapi_search_wids
        else:
            self._search_wids = type(index)._search_wids.__get__(self)

    def _okapi_search_wids(self, wids) -> list:
        """``OkapiIndex._search_wids`` with its arithmetic unchanged, term for
        term, in the same floating point (so every score is the same
        integer), on whole columns: each word's frequencies and the
        documents' lengths are cut in C, then scored at once by numpy."""
        if not wids:
            return []
        index = self._index
        N = float(index.document_count())
        try:
            doclen = index._totaldoclen()
        except TypeError:  # as Okapi's: an index not yet upgraded
            doclen = index._totaldoclen
        meandoclen = doclen / N
        K1, B = index.K1, index.B
        K1_plus1 = K1 + 1.0
        B_from1 = 1.0 - B
        found = []
        for wid in wids:
            postings = self._wordinfo[wid]
            idf = inverse_doc_frequency(len(postings), N) * 1024.0
            freqs = postings.bucket()
            lengths = weightedIntersection(self._candidate_lengths(), freqs, 1, 0)[1]
            size = len(freqs)
            f = column(freqs.values(), size, numpy.float64)
            n = column(lengths.values(), size, numpy.float64)
            # Okapi's int(tf * idf + 0.5): a positive number, truncated.
            tf = f * K1_plus1 / (f + K1 * (B_from1 + B * n / meandoclen))
            scores = (tf * idf + 0.5).astype(numpy.int64)
            found.append((bucket(column(freqs.keys(), size), scores), 1))
        return found

    def _candidate_lengths(self) -> IIBucket:
        """{candidate: its length in the index}, read once for all the words
        (cutting them from the index's lengths walks every document's)."""
        if self._lengths is None:
            index = self._index
            self._lengths = cut(
                index._docweight, self._candidates, index.document_count()
            )
        return self._lengths

    def search_phrase(self, phrase):
        wids = self._lexicon.termToWordIds(phrase)
        holding = self._phrases.get(tuple(wids))
        if holding is None:
            return search_phrase(self, phrase)
        if len(self._remove_oov_wids(wids)) != len(wids):
            return IIBTree()  # as the index's own search_phrase
        # What search_phrase keeps of its hits: those holding the phrase.
        narrowed = CandidateIndex(self._index, intersection(self._candidates, holding))
        return mass_weightedIntersection(narrowed._search_wids(wids))

    def __getattr__(self, name):
        return getattr(self._index, name)


class MatchIndex:
    """``index`` telling which documents match, without scoring them: each
    word's postings stand in for its scores (their keys are the documents
    holding the word, their values mean nothing), so the index's own search
    code (AND, OR, NOT, phrases, globs) returns a mapping whose keys are
    exactly the documents it would score. With ``within``, only those
    documents are looked at."""

    def __init__(self, index, within=None):
        self._index = index
        self._within = within  # only these documents (None: all)
        self.phrases = {}  # phrase's word ids → documents holding it
        _run_search_code_on(self, index, ("search", "search_glob"))

    def search_phrase(self, phrase):
        found = search_phrase(self, phrase)
        self.phrases[tuple(self._lexicon.termToWordIds(phrase))] = multiunion([found])
        return found

    def _search_wids(self, wids) -> list:
        found = []
        for wid in wids:
            postings = self._index._wordinfo[wid]
            if isinstance(postings, dict):
                postings = IIBucket(postings)
            if self._within is not None:
                postings = cut(postings, self._within, len(postings))
            found.append((postings, 1))
        return found

    def __getattr__(self, name):
        return getattr(self._index, name)
