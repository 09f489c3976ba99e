"""Identifier keys in a query, and whether the query is nothing but one.

Shapes overlap (« 2011/36 » could be an EU act or an ECHR application): every
reading yields a candidate key, and only keys that some item carries match.
"""

from dataclasses import dataclass
from traite_portal.search.analysis import fold
from traite_portal.search.identifiers.kinds import article_number
from traite_portal.search.identifiers.kinds import compact
from traite_portal.search.identifiers.kinds import eli_path
from traite_portal.search.identifiers.kinds import eu_act
from traite_portal.search.identifiers.kinds import key

import re


@dataclass(frozen=True)
class Candidate:
    """Keys read from one stretch of the query (``start``–``end``)."""

    keys: tuple[str, ...]
    start: int
    end: int


_ROMAN = {"i": 1, "v": 5, "x": 10}
# Words around an identifier that do not make the query more than an
# identifier: « article L.511-4 du CESEDA », « la directive 2011/36/UE ».
FILLER = frozenset(
    """la le les l du de des d a au n no numero art article articles mesure
    chapitre code penal ceseda procedure directive decision cadre reglement loi
    decret ordonnance requete req arret affaire cedh cour edh rapport ue ce cee
    jai celex eli nor ecli stce ste cets convention""".split()
)


# « l'affaire Rantsev », « CEDH Rantsev », « arrêt C.N. et V. c. France ».
CASE_PREFIX = frozenset("l la affaire arret cedh cour edh".split())


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    following = [*values[1:], 0]
    return sum(-v if v < n else v for v, n in zip(values, following, strict=True))


def _measure(m):
    return (key("measure", int(m[1])),)


def _chapter(m):
    value = m[1]
    return (key("chapter", int(value) if value.isdigit() else _roman(value)),)


def _slash_number(m):
    # « 25965/04 » is an application; « 2011/36 » an EU act (or both).
    first, second = m[1], m[2]
    keys = []
    if len(second) == 2:
        keys.append(key("application", f"{first}/{second}"))
    if len(first) == 4:
        keys.append(key("euact", eu_act(first, second)))
    return tuple(keys)


def _dash_number(m):
    # « 2006-665 » (a decree) and « 225-13 » (an article) look alike.
    number = m[2]
    keys = [key("article", article_number((m[1] or "") + number))]
    if not m[1]:
        keys.append(key("national", number))
    return tuple(keys)


PATTERNS = (
    (re.compile(r"\b(?:mesure|m)\s?(\d{1,3})\b"), _measure),
    (re.compile(r"\bchapitre\s+(\d{1,2}|[ivx]{1,5})\b"), _chapter),
    (
        re.compile(r"\becli:[a-z]{2}:[a-z0-9]+:\d{4}:[a-z0-9.]+"),
        lambda m: (key("ecli", m[0].upper()),),
    ),
    (
        re.compile(r"\b[0-9ce]\d{4}[a-z]{1,2}\d{4}\b"),
        lambda m: (key("celex", m[0].upper()),),
    ),
    (
        re.compile(r"(?:https?://)?\S*\beli/\S+"),
        lambda m: (key("eli", eli_path(m[0])),),
    ),
    (re.compile(r"\b[a-z]{4}\d{7}[a-z]\b"), lambda m: (key("nor", m[0].upper()),)),
    (
        re.compile(r"\bgreta\s*\(\s*(\d{4})\s*\)\s*(\d{1,3})\b"),
        lambda m: (key("greta", f"{m[1]}-{int(m[2])}"),),
    ),
    (
        re.compile(r"\b(?:stce|ste|cets)\s*(\d{1,3})\b"),
        lambda m: (key("treaty", int(m[1])),),
    ),
    (
        re.compile(r"(?<![\w/])(\d{3,6})/(\d{2,4})(?:/(?:ue|ce|cee|jai|pesc))?\b"),
        _slash_number,
    ),
    (
        re.compile(r"(?<![\w/-])([lrd]\.?\s?)?(\d{1,4}(?:-\d{1,4}){1,3})\b"),
        _dash_number,
    ),
)


def normalise_query(text: str) -> str:
    """Folded query with « n° » markers removed and spaces collapsed."""
    text = re.sub(r"\b[nN](?:[°º]|[oO]\.?|\.)?\s*(?=\d)", " ", text)
    return " ".join(fold(text).split())


def find_identifiers(text: str) -> list[Candidate]:
    """Every identifier-shaped stretch of the query, with its candidate keys."""
    normalised = normalise_query(text)
    found = []
    taken = [False] * len(normalised)
    for pattern, keys_of in PATTERNS:
        for match in pattern.finditer(normalised):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            found.append(Candidate(keys_of(match), match.start(), match.end()))
    case = compact(_case_name(normalised))
    if len(case) >= 3 and not found:
        found.append(Candidate((key("case", case),), 0, len(normalised)))
    return found


def _case_name(text: str) -> str:
    words = text.replace("'", " ").split()
    while words and words[0] in CASE_PREFIX:
        words.pop(0)
    return " ".join(words)


def _without_filler(text: str) -> str:
    words = re.findall(r"[\w.:/()-]+", text)
    return " ".join(w for w in words if w.strip(".") not in FILLER)


def is_only_identifier(text: str, candidate: Candidate) -> bool:
    """Whether nothing but filler words surrounds the identifier."""
    normalised = normalise_query(text)
    rest = normalised[: candidate.start] + " " + normalised[candidate.end :]
    return not re.sub(r"[\s,.;:()«»\"'-]", "", _without_filler(rest))
