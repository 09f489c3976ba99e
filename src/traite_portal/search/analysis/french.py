"""French analysis: elision, case and accent folding, stop words, stemming.

One word goes through :func:`analyse_word`; a text through :func:`analyse_text`
(split as Plone's « Unicode Whitespace splitter » splits, so that a search
server indexing these tokens sees exactly what the catalog's lexicon sees).
Glob terms (``protect*``) stay prefixes, cut back to their stem: :func:`analyse_glob`.
"""

from functools import cache
from functools import lru_cache
from traite_portal.search.analysis.families import FAMILIES
from traite_portal.search.analysis.families import PROTECTED_WORDS
from traite_portal.search.analysis.stopwords import ELIDED
from traite_portal.search.analysis.stopwords import STOP_WORDS
from unidecode import unidecode

import re
import snowballstemmer
import threading
import unicodedata


# Plone's splitter: NFKC, then \w+ (an apostrophe or a dot splits a word).
_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ`´′"})
_ARTICLES = "|".join(sorted(ELIDED, key=len, reverse=True))
_ELISION = re.compile(rf"^(?:{_ARTICLES})'")
_GLOB = re.compile(r"[*?]")
_local = threading.local()


def _stemmer():
    # PyStemmer's stemmers are not thread-safe: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


def split_words(text: str) -> list[str]:
    """The words of a text, as the catalog's splitter cuts them."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def fold(text: str) -> str:
    """Lower case without accents or ligatures (« Œuvre » → « oeuvre »)."""
    text = text.translate(_APOSTROPHES).lower()
    return text if text.isascii() else unidecode(text)


def _snowball(word: str) -> str:
    # Folded text loses the « é » Snowball strips in « forcée »: give the
    # feminine its accent-free masculine ending back (forcee → force).
    if word.endswith("ees"):
        word = word[:-1]
    if word.endswith("ee"):
        word = word[:-1]
    # Snowball cuts « commissions » to comm but « commission » to commiss:
    # a plural in -ions is stemmed as its singular.
    if word.endswith("ions") and len(word) > 5:
        word = word[:-1]
    stem = _stemmer().stemWord(word)
    # « identifier » → identifi but « identification » → identif.
    if stem.endswith("ifi"):
        stem = stem[:-1]
    return stem


@cache
def _protected() -> dict[str, str]:
    return {fold(w): token for token, words in PROTECTED_WORDS.items() for w in words}


@cache
def _families() -> dict[str, str]:
    mapping = {}
    for words in FAMILIES:
        stems = [_snowball(fold(w)) for w in words]
        mapping.update({stem: stems[0] for stem in stems[1:]})
    return mapping


def _stem(word: str) -> str:
    protected = _protected().get(word)
    if protected is not None:
        return protected
    # Numbers and identifiers (« 2011 », « 32011l0036 ») are kept as written.
    if len(word) < 4 or not word.isalpha():
        return word
    stem = _snowball(word)
    return _families().get(stem, stem)


def _strip_elision(word: str) -> str:
    return _ELISION.sub("", word) if "'" in word else word


def normalise_word(word: str) -> str | None:
    """A word folded, without its elided article; None for a stop word.

    What the lexicon hands the query parser: the parser passes each term back
    through the whole pipeline, so stemming here would stem twice.
    """
    word = _strip_elision(fold(word))
    if not word or word in STOP_WORDS:
        return None
    return word


@lru_cache(maxsize=65536)
def analyse_word(word: str) -> str | None:
    """The index token of one word, or None for a stop word."""
    word = normalise_word(word)
    return None if word is None else _stem(word)


def analyse_glob(word: str) -> str | None:
    """A glob term, folded and matched as a prefix (« Protect* » → « protect* »).

    The index holds stems, often shorter than the word or, for a family,
    another word (« protocole » is ``protocol``, « protéger » ``protect``): a
    prefix of four letters or more is reduced to its stem, still matched as a
    prefix, so « protocole* » finds « protocoles » and Plone's own search
    page, which adds ``*`` to every word typed, finds what the word finds.
    """
    if not _GLOB.search(word):
        return analyse_word(word)
    folded = _strip_elision(fold(word))
    prefix = folded[:-1]
    if folded.endswith("*") and prefix.isalpha() and len(prefix) >= 4:
        return _stem(prefix) + "*"
    return folded or None


def analyse_text(text: str) -> list[str]:
    """The index tokens of a text, in order (stop words dropped)."""
    tokens = (analyse_word(word) for word in split_words(text))
    return [token for token in tokens if token]
