"""Parse what a jurist types: phrases, AND/OR/NOT (ET/OU/SAUF), ``-mot``, ``prefix*``.

Lenient on form (an unclosed quote or parenthesis closes at the end, a
dangling operator is ignored) but never silent about a query that can match
nothing sensible: :class:`QuerySyntaxError` carries a French message.
"""

from traite_portal import _
from traite_portal.search.analysis import normalise_word
from traite_portal.search.query.nodes import AllOf
from traite_portal.search.query.nodes import AnyOf
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import Word

import re
import unicodedata


MAX_QUERY_LENGTH = 500
MAX_TERMS = 40
MIN_GLOB_PREFIX = 2
OPERATORS = {
    "AND": "AND",
    "ET": "AND",
    "OR": "OR",
    "OU": "OR",
    "NOT": "NOT",
    "SAUF": "NOT",
}
_TOKEN = re.compile(
    r"""(?P<paren>[()])
    | (?P<minus>-(?=["«“\w]))
    | ["«“](?P<phrase>[^"»”]*)(?:["»”]|$)
    | (?P<word>[^\s()"«»“”]+)""",
    re.VERBOSE,
)
_PART = re.compile(r"\w+[\w*?]*")


class QuerySyntaxError(ValueError):
    """A query that cannot be searched; ``message`` is a French message id."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


EMPTY = _("search_error_empty", default="Saisissez un ou plusieurs mots à rechercher.")
ONLY_STOP_WORDS = _(
    "search_error_stop_words",
    default="Votre recherche ne contient que des mots trop courants "
    "(« le », « de », « et »…) : ajoutez un mot qui a du sens.",
)
ONLY_EXCLUDED = _(
    "search_error_only_excluded",
    default="Une recherche ne peut pas seulement exclure des mots : "
    "indiquez aussi ce que vous cherchez.",
)
GLOB_TOO_SHORT = _(
    "search_error_glob",
    default="Un mot tronqué doit commencer par au moins deux lettres (« protect* »).",
)
TOO_LONG = _(
    "search_error_too_long",
    default="Votre recherche est trop longue : ${max} caractères "
    "ou ${terms} mots au plus.",
    mapping={"max": MAX_QUERY_LENGTH, "terms": MAX_TERMS},
)


def _leaf(parts: list[str], phrase: bool):
    """A Word or Phrase from the parts of a token (stop words dropped)."""
    meaningful = []
    for part in parts:
        if "*" in part or "?" in part:
            prefix = re.split(r"[*?]", part)[0]
            if len(prefix) < MIN_GLOB_PREFIX:
                raise QuerySyntaxError(GLOB_TOO_SHORT)
            meaningful.append(part)
        elif normalise_word(part) is not None:
            meaningful.append(part)
    if not meaningful:
        return None
    if len(meaningful) == 1 and not phrase:
        word = meaningful[0]
        return Word(word, glob="*" in word or "?" in word)
    return Phrase(tuple(re.sub(r"[*?]", "", p) for p in parts if p.strip("*?")))


class _Parser:
    def __init__(self, text: str):
        self.tokens = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            value = match.group(kind)
            if kind == "word" and value in OPERATORS:
                kind, value = "op", OPERATORS[value]
            self.tokens.append((kind, value))
        self.position = 0

    def peek(self):
        return (
            self.tokens[self.position]
            if self.position < len(self.tokens)
            else (None, None)
        )

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def or_expr(self):
        options = [self.and_expr()]
        while self.peek() == ("op", "OR"):
            self.take()
            options.append(self.and_expr())
        options = [o for o in options if o is not None]
        if len(options) > 1:
            return AnyOf(tuple(options))
        return options[0] if options else None

    def and_expr(self):
        required, excluded = [], []
        while True:
            kind, value = self.peek()
            if (
                kind is None
                or (kind, value) == ("op", "OR")
                or (kind, value) == ("paren", ")")
            ):
                break
            if (kind, value) == ("op", "AND"):
                self.take()
                continue
            negative = kind == "minus" or (kind, value) == ("op", "NOT")
            if negative:
                self.take()
            node = self.primary()
            if node is not None:
                (excluded if negative else required).append(node)
        if not required and not excluded:
            return None
        if len(required) == 1 and not excluded:
            return required[0]
        return AllOf(tuple(required), tuple(excluded))

    def primary(self):
        kind, value = self.take()
        if kind == "paren" and value == "(":
            node = self.or_expr()
            if self.peek() == ("paren", ")"):
                self.take()
            return node
        if kind == "phrase":
            return _leaf(_PART.findall(unicodedata.normalize("NFKC", value)), True)
        if kind == "word":
            return _leaf(_PART.findall(unicodedata.normalize("NFKC", value)), False)
        return None  # a stray ")" or operator


def _count_leaves(node) -> int:
    if isinstance(node, (Word, Phrase)):
        return 1
    children = (
        node.options if isinstance(node, AnyOf) else node.required + node.excluded
    )
    return sum(_count_leaves(c) for c in children)


def _has_positive(node) -> bool:
    if isinstance(node, (Word, Phrase)):
        return True
    if isinstance(node, AnyOf):
        return all(_has_positive(o) for o in node.options)
    return any(_has_positive(r) for r in node.required)


def parse_query(text: str):
    """The query's tree of :mod:`nodes`; raises :class:`QuerySyntaxError`."""
    text = (text or "").strip()
    if not text:
        raise QuerySyntaxError(EMPTY)
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(TOO_LONG)
    parser = _Parser(text)
    node = parser.or_expr()
    while parser.position < len(parser.tokens):  # text after a stray ")"
        parser.take()
        rest = parser.or_expr()
        if rest is not None:
            node = rest if node is None else AllOf((node, rest))
    if node is None:
        raise QuerySyntaxError(ONLY_STOP_WORDS)
    if _count_leaves(node) > MAX_TERMS:
        raise QuerySyntaxError(TOO_LONG)
    if not _has_positive(node):
        raise QuerySyntaxError(ONLY_EXCLUDED)
    return node
