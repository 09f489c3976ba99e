"""A ZCTextIndex text index seen through a few candidate documents.

Another backend (a search server) finds and counts the matches; the catalog
then orders its best candidates with its own code. ``CandidateIndex`` runs
the index's own search methods (``search``, ``search_phrase``,
``search_glob``, Okapi's ``_search_wids``) unchanged, over postings that
list only the candidates but keep the whole index's statistics: the number
of documents holding a word (idf), document lengths, their mean. Each
candidate's score is therefore the one the catalog gives it when it searches
everything, for a cost that grows with the candidates, not the corpus.
"""


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
        return [(d, postings[d]) for d in self.candidates if d in postings]


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


class CandidateIndex:
    """``index`` (an Okapi or cosine text index) limited to ``candidates``
    (sorted docids); everything else is read from ``index`` itself."""

    def __init__(self, index, candidates):
        self._index = index
        self._wordinfo = CandidateWordInfo(index._wordinfo, sorted(candidates))
        # The index class's own search code, run on this view.
        cls = type(index)
        for name in ("search", "search_glob", "search_phrase", "_search_wids"):
            setattr(self, name, getattr(cls, name).__get__(self))
        self._remove_oov_wids = cls._remove_oov_wids.__get__(self)

    def __getattr__(self, name):
        return getattr(self._index, name)
