"""Controlled list of the responsible bodies and partners named in the plan.

Ministry names contain commas (« ministère du travail, de la solidarité et de la
fonction publique »), so a header value cannot be split on commas: it is consumed
from left to right, each step matching the longest known body.
"""

from dataclasses import dataclass
from traite_portal.corpus.errors import UnknownBodyError
from typing import Literal

import re


@dataclass(frozen=True)
class Body:
    """A ministry, agency or other body; ``patterns`` cover every spelling."""

    token: str
    title: str
    kind: Literal["ministry", "agency", "other"]
    patterns: tuple[str, ...]


# Patterns are matched case-insensitively against a value whose whitespace is
# collapsed and whose apostrophes are straight (see ``_normalise``).
_MIN = r"minist[eè]res?"
BODIES: tuple[Body, ...] = (
    Body(
        "premier-ministre",
        "services du Premier ministre",
        "other",
        (r"services du premier ministre",),
    ),
    Body(
        "min-justice",
        "ministère de la justice et des libertés",
        "ministry",
        (_MIN + r" de la justice et des libert[ée]s",),
    ),
    Body(
        "min-interieur",
        "ministère de l'intérieur, de l'outre-mer et des collectivités territoriales",
        "ministry",
        (
            _MIN + r" de l'int[ée]rieur,? de l'outre-mer et des collectivit[ée]s "
            r"territoriales",
        ),
    ),
    Body(
        "min-travail",
        "ministère du travail, de la solidarité et de la fonction publique",
        "ministry",
        (_MIN + r" du travail,? de la solidarit[ée] et de la fonction publique",),
    ),
    Body(
        "min-sante",
        "ministère de la santé et des sports",
        "ministry",
        (_MIN + r" de la sant[ée] et des sports",),
    ),
    Body(
        "min-immigration",
        "ministère de l'immigration, de l'intégration, de l'identité nationale "
        "et du développement solidaire",
        "ministry",
        (
            _MIN + r" de l'immigration,? de l'int[ée]gration,? de l'identit[ée] "
            r"nationale,? et du d[ée]veloppement solidaire",
        ),
    ),
    Body(
        "min-affaires-etrangeres",
        "ministère des affaires étrangères et européennes",
        "ministry",
        (_MIN + r" des affaires [ée]trang[èe]res et europ[ée]ennes",),
    ),
    Body(
        "min-education",
        "ministère de l'éducation nationale",
        "ministry",
        (_MIN + r" de l'[ée]ducation nationale",),
    ),
    Body(
        "min-budget",
        "ministère du budget, des comptes publics et de la réforme de l'État",
        "ministry",
        (
            _MIN + r" du budget,? des comptes publics et de la r[ée]forme de "
            r"l'[ée]tat",
        ),
    ),
    Body(
        "miprof",
        "mission interministérielle de coordination pour la prévention et la lutte "
        "contre la traite des êtres humains et la protection des victimes",
        "agency",
        (
            r"mission interminist[ée]rielle de coordination pour la pr[ée]vention et "
            r"la lutte contre la traite des [êe]tres humains et (?:pour )?la "
            r"protection des victimes",
        ),
    ),
    Body(
        "sig",
        "service d'information du gouvernement",
        "agency",
        (r"service d'information du gouvernement",),
    ),
    Body(
        "ofii",
        "Office français de l'immigration et de l'intégration",
        "agency",
        (
            r"office fran[çc]ais de l'int[ée]gration et de l'immigration",
            r"office fran[çc]ais de l'immigration et de l'int[ée]gration",
        ),
    ),
    Body(
        "collectivites",
        "collectivités territoriales",
        "other",
        (r"collectivit[ée]s territoriales",),
    ),
    Body(
        "associations",
        "associations spécialisées",
        "other",
        (r"associations sp[ée]cialis[ée]es",),
    ),
    Body(
        "coordinations-departementales",
        "structures de coordination départementales",
        "other",
        (r"structures de coordinations? d[ée]partementales",),
    ),
)

_COMPILED = tuple(
    (body.token, re.compile("|".join(f"(?:{p})" for p in body.patterns), re.I))
    for body in BODIES
)
# Between two bodies: commas, « et », a leading article, parentheses
# (« ministère … (Office Français de l'Intégration et de l'Immigration) »).
_SEPARATOR = re.compile(r"(?:[\s,;()]|\bet\b|\ble\b|\bla\b|\bles\b)*", re.I)


def _normalise(value: str) -> str:
    return " ".join(value.replace("’", "'").split())


def body_by_token(token: str) -> Body:
    """The body of a token (KeyError if unknown)."""
    for body in BODIES:
        if body.token == token:
            return body
    raise KeyError(token)


def split_bodies(value: str) -> list[str]:
    """Tokens of the bodies named in a header value, in order, without duplicates.

    Raises ``UnknownBodyError`` with the unparsed remainder when some text is left.
    """
    text = _normalise(value)
    tokens: list[str] = []
    pos = _SEPARATOR.match(text).end()
    while pos < len(text):
        best: tuple[int, str] | None = None
        for token, regex in _COMPILED:
            match = regex.match(text, pos)
            if match and (best is None or match.end() > best[0]):
                best = (match.end(), token)
        if best is None:
            raise UnknownBodyError(value, text[pos:])
        end, token = best
        if token not in tokens:
            tokens.append(token)
        pos = _SEPARATOR.match(text, end).end()
    return tokens
