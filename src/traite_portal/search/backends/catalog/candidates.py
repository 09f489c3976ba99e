"""A ZCTextIndex text index seen through a few candidate documents, or
asked only which documents match.

Another backend (a search server) finds and counts the matches; the catalog
then orders its best candidates with its own code. ``CandidateIndex`` runs
the index's own search methods (``search``, ``search_phrase``,
``search_glob``, Okapi's ``_search_wids``) unchanged, over postings that
list only the candidates but keep the whole index's statistics: the number
of documents holding a word (idf), document lengths, their mean. Each
candidate's score is therefore the one the catalog gives it when it searches
everything, for a cost that grows with the candidates, not the corpus.

The catalog's own search uses both: ``MatchIndex`` first finds which
documents match (set operations in C, no score), then only those the viewer
may see are scored, through ``CandidateIndex``. Okapi's scoring loop is
Python: scoring each word's whole postings, as a plain catalog query does,
costs far more than scoring the documents that hold every word.
"""

from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IISet
from BTrees.IIBTree import weightedIntersection


class CandidatePostings:
    """One word's postings {docid: frequency} limited to the candidates;
    ``len`` stays the word's document frequency in the whole index."""

    def __init__(self, postings, candidates):
        self.postings = postings
        self.candidates = candidates

    def __len__(self) -> int:
        return len(self.postings)

    def items(self):
        postings = self.postings
        if isinstance(postings, dict):  # a rare word's postings (DICT_CUTOFF)
            return [(d, f) for d, f in sorted(postings.items()) if d in self.candidates]
        # The frequencies of the candidates holding the word, cut in C.
        return weightedIntersection(postings, self.candidates, 1, 0)[1].items()


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
    (docids); everything else is read from ``index`` itself."""

    def __init__(self, index, candidates):
        self._index = index
        self._wordinfo = CandidateWordInfo(index._wordinfo, IISet(candidates))
        names = ("search", "search_glob", "search_phrase", "_search_wids")
        _run_search_code_on(self, index, names)

    def __getattr__(self, name):
        return getattr(self._index, name)


class MatchIndex:
    """``index`` telling which documents match, without scoring them: each
    word's postings stand in for its scores (their keys are the documents
    holding the word, their values mean nothing), so the index's own search
    code (AND, OR, NOT, phrases, globs) returns a mapping whose keys are
    exactly the documents it would score."""

    def __init__(self, index):
        self._index = index
        _run_search_code_on(self, index, ("search", "search_glob", "search_phrase"))

    def _search_wids(self, wids) -> list:
        found = []
        for wid in wids:
            postings = self._index._wordinfo[wid]
            if isinstance(postings, dict):
                postings = IIBucket(postings)
            found.append((postings, 1))
        return found

    def __getattr__(self, name):
        return getattr(self._index, name)
