"""Highlighted passages of a result: the original words, never the stems.

Made from the item's own text fields (only for the results on the page), so
they are the same whichever backend found the item.
"""

from dataclasses import dataclass
from html import escape
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemata
from traite_portal import _
from traite_portal.indexers.searchable_text import plain_text
from traite_portal.search.analysis import analyse_glob
from traite_portal.search.analysis import analyse_word
from traite_portal.search.analysis import fold
from traite_portal.search.analysis import split_words
from traite_portal.search.memo import Memo
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import positive_leaves
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import collections
import itertools
import re


PASSAGE_WORDS = 32
MAX_SNIPPETS = 2
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Snippet:
    """A passage of one field: plain text and HTML with ``<mark>``."""

    field: str
    label: object
    text: str
    html: str


class Matcher:
    """Tells which words of a text the query asked for (by their analysis)."""

    def __init__(self, query):
        self.tokens, self.prefixes = set(), []
        for leaf in positive_leaves(query) if query is not None else ():
            words = leaf.words if isinstance(leaf, Phrase) else (leaf.text,)
            for word in words:
                if isinstance(leaf, Phrase) or not leaf.glob:
                    self.tokens.update(
                        filter(None, map(analyse_word, split_words(word)))
                    )
                else:
                    self.prefixes.append((analyse_glob(word) or "").rstrip("*?"))
        # token → itself, for the tokens asked: with ``analyse_word``'s own
        # cache (shared by every search), a text's words become terms in C.
        self._wanted = {token: token for token in self.tokens}
        # word → term when prefixes are asked: only a word not met yet in
        # this search is compared with them.
        self._answers = Memo(self._term)

    def terms(self, words) -> list:
        """The query term each of ``words`` answers (None for the others)."""
        if not self.prefixes:
            return list(map(self._wanted.get, map(analyse_word, words)))
        return list(map(self._answers.__getitem__, words))

    def _term(self, word: str) -> str | None:
        token = analyse_word(word)
        if token in self.tokens:
            return token
        if not self.prefixes:
            return None
        folded = fold(word)
        return next((p for p in self.prefixes if p and folded.startswith(p)), None)


def _is_text(name: str, field) -> bool:
    if name in ("title", "description", "id") or IChoice.providedBy(field):
        return False
    return (
        IRichText.providedBy(field)
        or IText.providedBy(field)
        or ITextLine.providedBy(field)
    )


def text_fields(obj, known: dict | None = None) -> list[tuple[str, object, str]]:
    """(field name, label, plain text) of the item's description and texts.

    ``known`` keeps each type's schemata and their text fields for the other
    items of the same search (items of one type share their schemata).
    """
    known = {} if known is None else known
    fields = [
        ("description", _("label_description", default="Résumé"), obj.Description())
    ]
    if obj.portal_type not in known:
        known[obj.portal_type] = [
            (schema, text)
            for schema in iterSchemata(obj)
            if (text := [(n, f) for n, f in getFieldsInOrder(schema) if _is_text(n, f)])
        ]
    for schema, text in known[obj.portal_type]:
        holder = schema(obj, None) or obj  # one adapter for all its fields
        for name, field in text:
            value = plain_text(getattr(holder, name, None))
            fields.append((name, field.title, value))
    # Whitespace is made single spaces in the passages only (``_html``), not
    # in the whole text.
    return [
        (n, label, text.strip()) for n, label, text in fields if text and text.strip()
    ]


def best_passage(text: str, matcher: Matcher):
    """(distinct terms, hits, first word, last word, matched spans) or None."""
    # Words as strings first: match objects are needed for the passage only.
    terms = matcher.terms(_WORD.findall(text))
    hits = [i for i, term in enumerate(terms) if term]
    if not hits:
        return None
    # Each hit opens a window of PASSAGE_WORDS words; the one with the most
    # distinct terms, then the most hits, wins (the first one on a tie).
    best, after, in_window = None, 0, collections.Counter()
    for opened, first in enumerate(hits):
        while after < len(hits) and hits[after] < first + PASSAGE_WORDS:
            in_window[terms[hits[after]]] += 1
            after += 1
        key = (len(in_window), after - opened)
        if best is None or key > best[0]:
            best = (key, first, hits[opened:after])
        in_window[terms[first]] -= 1
        if not in_window[terms[first]]:
            del in_window[terms[first]]
    (distinct, count), first, inside = best
    start = max(0, first - 4)
    end = min(len(terms), start + PASSAGE_WORDS)
    words = list(itertools.islice(_WORD.finditer(text), end))
    spans = [words[i].span() for i in inside if i < end]
    return distinct, count, words[start].start(), words[end - 1].end(), spans


def _single_spaces(text: str) -> str:
    return _SPACES.sub(" ", text)


def _html(text: str, start: int, end: int, spans) -> tuple[str, str]:
    """The passage ``text[start:end]`` (its whitespace made single spaces),
    plain and in HTML with its ``spans`` marked."""
    parts, cursor = [], start
    for span_start, span_end in spans:
        parts.append(escape(_single_spaces(text[cursor:span_start])))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(_single_spaces(text[cursor:end])))
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    plain = _single_spaces(text[start:end])
    return before + plain + after, before + "".join(parts) + after


class SnippetMaker:
    """Snippets of the items of one search: the query's matcher and the
    schemata's text fields worked out once for all of them."""

    def __init__(self, query):
        self.matcher = Matcher(query)
        self.known_fields = {}

    def __call__(self, obj) -> list[Snippet]:
        return make_snippets(obj, self.matcher, self.known_fields)


def make_snippets(obj, matcher: Matcher, known_fields=None) -> list[Snippet]:
    """The best passages of the item for the query whose ``matcher`` is given,
    at most MAX_SNIPPETS."""
    found = []
    for name, label, text in text_fields(obj, known_fields):
        passage = best_passage(text, matcher)
        if passage:
            distinct, count, start, end, spans = passage
            plain, html = _html(text, start, end, spans)
            found.append(((distinct, count), Snippet(name, label, plain, html)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [snippet for _, snippet in found[:MAX_SNIPPETS]]
