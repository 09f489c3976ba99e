"""Char filters that make the server's words and positions the catalog's.

The catalog's lexicon splits a text into runs of word characters (Python's
``\\w+``: an apostrophe, a dot or a hyphen splits) and drops a stop word
before positions are counted, so « l'exploitation » is ``exploit`` and
« STCE n° 197 » the phrase ``stce 197``. The server's standard tokenizer
keeps « data.europa » or « l'exploitation » whole, and a ``stop`` token
filter leaves a position gap where it drops a word (Lucene has no option
left to close it): a phrase then matches only the texts that have stop words
at the same places. So, before the tokenizer, every character that is not
part of a word becomes a space, and the stop words go (a ``pattern_replace``
made from the portal's own list and folding, so the list has one source):
the tokenizer then sees the catalog's words, and no gaps. An elided article
(« l' », « qu' ») is a stop word left alone once its apostrophe is gone, as
in the catalog.
"""

from functools import cache
from traite_portal.search.analysis.french import fold
from traite_portal.search.analysis.stopwords import STOP_WORDS


# A character of a word as the catalog's splitter sees it.
WORD_CHARS = r"\p{L}\p{N}_"
# The letters whose folded form is a letter of a stop word: Basic Latin and
# Latin-1 to Latin Extended-B (« É », « à », « Ç »… and their capitals).
_LATIN = range(0x41, 0x250)


@cache
def letter_forms() -> dict[str, str]:
    """{folded letter: every character that folds to it}."""
    forms = {}
    for code in _LATIN:
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isalpha():
            forms.setdefault(folded, []).append(char)
    return {letter: "".join(chars) for letter, chars in forms.items()}


def _alternatives(trie: dict, forms: dict[str, str]) -> str:
    """The words of ``trie`` as nested alternatives: one class per letter."""
    branches = [
        f"[{forms[letter]}]{_alternatives(rest, forms)}"
        for letter, rest in sorted(trie.items())
        if letter
    ]
    if not branches:
        return ""
    return f"(?:{'|'.join(branches)}){'?' if '' in trie else ''}"


def stop_words_pattern() -> str:
    """A Java regular expression matching any stop word as a whole word,
    whatever its case and accents (« Été », « à », « QU »).

    The words share their prefixes (a trie: « c(e(s|t(te)?)?|…) »), so that a
    word is read once rather than tried against each stop word in turn.
    """
    trie = {}
    for word in STOP_WORDS:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    words = _alternatives(trie, letter_forms())
    return rf"(?<![{WORD_CHARS}]){words}(?![{WORD_CHARS}])"


def char_filters() -> dict:
    """``analysis.char_filter`` of the index, in the order they apply."""
    return {
        # A combining accent (« e » + U+0301): the catalog joins it to its
        # letter (NFKC), then folds the accent away.
        "traite_accents": {
            "type": "pattern_replace",
            "pattern": r"\p{M}+",
            "replacement": "",
        },
        "traite_words": {
            "type": "pattern_replace",
            "pattern": rf"[^{WORD_CHARS}\s]",
            "replacement": " ",
        },
        "traite_stop_words": {
            "type": "pattern_replace",
            "pattern": stop_words_pattern(),
            "replacement": " ",
        },
    }
