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
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import positive_leaves
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import re


PASSAGE_WORDS = 32
MAX_SNIPPETS = 2
_WORD = re.compile(r"\w+")


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

    def __call__(self, word: str) -> str | None:
        """The query term the word answers, or None."""
        token = analyse_word(word)
        if token in self.tokens:
            return token
        if not self.prefixes:
            return None
        folded = fold(word)
        return next((p for p in self.prefixes if p and folded.startswith(p)), None)


def text_fields(obj) -> list[tuple[str, object, str]]:
    """(field name, label, plain text) of the item's description and texts."""
    fields = [
        ("description", _("label_description", default="Résumé"), obj.Description())
    ]
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if name in ("title", "description", "id") or IChoice.providedBy(field):
                continue
            if (
                IRichText.providedBy(field)
                or IText.providedBy(field)
                or ITextLine.providedBy(field)
            ):
                value = plain_text(getattr(schema(obj, None) or obj, name, None))
                fields.append((name, field.title, value))
    return [
        (n, label, " ".join(text.split()))
        for n, label, text in fields
        if text and text.strip()
    ]


def best_passage(text: str, matcher: Matcher):
    """(distinct terms, hits, first word, last word, matched spans) or None."""
    words = list(_WORD.finditer(text))
    terms = [matcher(m.group()) for m in words]
    hits = [i for i, term in enumerate(terms) if term]
    if not hits:
        return None
    best = None
    for first in hits:
        inside = [i for i in hits if first <= i < first + PASSAGE_WORDS]
        key = (len({terms[i] for i in inside}), len(inside))
        if best is None or key > best[0]:
            best = (key, first, inside)
    (distinct, count), first, inside = best
    start = max(0, first - 4)
    end = min(len(words), start + PASSAGE_WORDS)
    spans = [(words[i].start(), words[i].end()) for i in inside if i < end]
    return distinct, count, words[start].start(), words[end - 1].end(), spans


def _html(text: str, start: int, end: int, spans) -> tuple[str, str]:
    parts, cursor = [], start
    for span_start, span_end in spans:
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    return before + text[start:end] + after, before + "".join(parts) + after


def make_snippets(obj, matcher: Matcher) -> list[Snippet]:
    """The best passages of the item for the query whose ``matcher`` is given
    (made once per search), at most MAX_SNIPPETS."""
    found = []
    for name, label, text in text_fields(obj):
        passage = best_passage(text, matcher)
        if passage:
            distinct, count, start, end, spans = passage
            plain, html = _html(text, start, end, spans)
            found.append(((distinct, count), Snippet(name, label, plain, html)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [snippet for _, snippet in found[:MAX_SNIPPETS]]
