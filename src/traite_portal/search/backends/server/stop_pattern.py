"""The French stop words as a regular expression the server removes from text.

The catalog's lexicon drops a stop word before positions are counted, so
« STCE n° 197 » is the phrase ``stce 197``. A ``stop`` token filter instead
leaves a position gap where it drops a word (Lucene has no option left to
close it), so a phrase then matches only the texts that have stop words at
the same places. Removing the stop words before the tokenizer (a
``pattern_replace`` char filter) leaves no gap: the server's positions are
the catalog's. The expression is made from the portal's own list
(``analysis/stopwords.py``) and its own folding, so that the list has one
source.
"""

from functools import cache
from traite_portal.search.analysis.french import fold
from traite_portal.search.analysis.stopwords import STOP_WORDS


# The letters whose folded form is a letter of a stop word: Basic Latin and
# Latin-1 to Latin Extended-B (« É », « à », « Ç »… and their capitals).
_LATIN = range(0x41, 0x250)
# A word as the catalog's splitter sees it (Python's ``\w``): a stop word
# counts only when no letter, digit or underscore touches it, so that « l »
# goes in « l'exploitation » but not in « aujourd'hui » or « L511 ».
_WORD_CHAR = r"\p{L}\p{N}_"


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


def stop_words_pattern() -> str:
    """A Java regular expression matching any stop word as a whole word,
    whatever its case and accents (« Été », « à », « QU »)."""
    forms = letter_forms()
    words = sorted(STOP_WORDS, key=lambda word: (-len(word), word))
    alternatives = "|".join(
        "".join(f"[{forms[letter]}]" for letter in word) for word in words
    )
    return rf"(?<![{_WORD_CHAR}])(?:{alternatives})(?![{_WORD_CHAR}])"
