"""Legal texts made of the corpus's own words, for ``make bench-search``.

Titles, descriptions and texts are passages of the plan and the Collectif's
proposals (``data/``, the file the corpus loader imports), taken at a place
drawn from the text's number: words come with their real frequencies and
neighbours, so queries match, and phrases and proximity count, as on the
corpus itself. The same number always gives the same text.
"""

from datetime import date
from functools import cache
from html import escape
from plone.app.textfield.value import RichTextValue
from traite_portal.corpus.loader import default_corpus_path

import random
import re


# The libraries of the benchmark: one per type, texts shared alternately.
KINDS = {"NationalText": "textes-nationaux", "Circular": "circulaires"}
NATIONAL_KINDS = ("loi", "décret", "ordonnance", "arrêté")
# Page numbers and footnote calls of the PDF extraction are not words.
_NOISE = re.compile(r"^[\d\W]+$")


@cache
def corpus_words() -> tuple[str, ...]:
    """The corpus text as words, in order."""
    text = default_corpus_path().read_text(encoding="utf-8")
    return tuple(word for word in text.split() if not _NOISE.match(word))


def passage(rng: random.Random, low: int, high: int) -> str:
    """``low`` to ``high`` consecutive words of the corpus."""
    words = corpus_words()
    length = rng.randint(low, high)
    first = rng.randrange(len(words) - length)
    return " ".join(words[first : first + length])


def nor(kind: str, i: int) -> str:
    """A NOR of the right shape, one per text (ministry, year, number, kind)."""
    ministry, letter = ("JUSD", "L") if kind == "NationalText" else ("INTK", "C")
    return f"{ministry}{10 + i // 100_000:02d}{i % 100_000:05d}{letter}"


def legal_text(kind: str, i: int) -> dict:
    """Type and fields of text ``i`` of ``kind`` (see ``fill_library``)."""
    rng = random.Random(f"{kind}-{i}")
    title = passage(rng, 6, 14)
    html = "".join(f"<p>{escape(passage(rng, 40, 120))}</p>" for _ in range(3))
    day = date(1990 + i % 35, 1 + i % 12, 1 + i % 28)
    values = {
        "type": kind,
        "title": title[0].upper() + title[1:],
        "description": passage(rng, 15, 35),
        "text": RichTextValue(html, "text/html", "text/x-html-safe"),
        "nor": nor(kind, i),
    }
    if kind == "NationalText":
        values.update(jo_date=day, text_kind=rng.choice(NATIONAL_KINDS))
    else:
        values.update(signature_date=day, in_force=True)
    return values


def texts_of(kind: str):
    """``fields`` for ``fill_library``: the texts of one kind."""
    return lambda i: legal_text(kind, i)
