"""Legal-text catalogue and the citations of it found in French text.

Pure Python (no Plone import): the catalogue is ``legal_texts.json`` beside
this module; ``find_citations`` matches a table of regular expressions, one
row per catalogue id, against an accent-free, lower-case, whitespace-collapsed
copy of the text, so line breaks, curly apostrophes and missing accents of the
PDF extraction do not matter.
"""

from functools import cache
from pathlib import Path

import json
import re
import unicodedata


DEFAULT_PATH = Path(__file__).with_name("legal_texts.json")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

# "de la Convention" not followed by the name of another convention.
_CONV = (
    r"de\s+la\s+convention(?!\s+(?:relative|internationale|des\s+nations|"
    r"de\s+1951|de\s+geneve|europeenne|de\s+sauvegarde))"
)
# A code article number must not run on into a longer number (L316-1-1).
_END = r"(?!\d|-\d)"
_GRETA = r"\bgreta\b[^.]{0,200}?"
# "articles 1 et 5": another article number after or before the one sought.
_AND = r"(?:et\s+\d+\s+)?"
_BEFORE = r"(?:\d+(?:er)?\s+et\s+)?"

# Catalogue id -> patterns, written for the output of ``normalise``.
PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "coe-convention-2005",
        (
            r"convention\s+du\s+conseil\s+de\s+l'europe",
            r"convention\s+de\s+varsovie",
            r"\b(?:stce|ste|cets)\s*(?:n°|no\.?)?\s*197\b",
        ),
    ),
    ("coe-convention-2005-art-1", (rf"\barticles?\s+1(?:er)?\s+{_AND}{_CONV}",)),
    ("coe-convention-2005-art-5", (rf"\barticles?\s+{_BEFORE}5\s+{_CONV}",)),
    ("coe-convention-2005-art-6", (rf"\barticle\s+6\s+{_CONV}",)),
    ("coe-convention-2005-art-10", (rf"\barticle\s+10\s+{_CONV}",)),
    (
        "coe-convention-2005-art-29-4",
        (r"\barticle\s+29\s*(?:§|,?\s*paragraphe)\s*4\b",),
    ),
    (
        "un-palermo-protocol-2000",
        (
            r"\bprotocole\s+additionnel\b(?!\s+a\s+la\s+convention\s+(?:relative|europeenne))",
            r"\bprotocole\s+de\s+palerme\b",
            r"\bpunir\s+la\s+traite\s+des\s+personnes\b",
        ),
    ),
    (
        "un-untoc-2000",
        (
            r"\bconvention\s+des\s+nations\s+unies\s+contre\s+la\s+criminalite\s+"
            r"transnationale\s+organisee\b",
            r"\bconvention\s+de\s+palerme\b",
        ),
    ),
    (
        "un-refugee-convention-1951",
        (
            r"\bconvention\s+(?:de\s+geneve\s+)?de\s+1951\b",
            r"\bconvention\s+(?:de\s+geneve\s+)?relative\s+au\s+statut\s+des\s+refugies\b",
        ),
    ),
    ("un-refugee-convention-1951-art-1a2", (r"\barticle\s+1\s*a\s*\(\s*2\s*\)",)),
    (
        "un-refugee-protocol-1967",
        (
            r"\bprotocole\s+(?:de\s+new\s+york\s+)?de\s+1967\b",
            r"\bprotocole\s+relatif\s+au\s+statut\s+des\s+refugies\b",
        ),
    ),
    (
        "un-crc-1989",
        (
            r"\bconvention\s+internationale\s+(?:des|relative\s+aux)\s+droits\s+de\s+l'enfant\b",
            r"\bconvention\s+relative\s+aux\s+droits\s+de\s+l'enfant\b",
            r"\bcide\b",
        ),
    ),
    (
        "unhcr-guidelines-2006",
        (
            r"\bprincipes\s+directeurs\b.{0,80}?\bprotection\s+internationale\b",
            r"\bhcr/gip/06/07\b",
        ),
    ),
    (
        "nato-istanbul-2004",
        (
            r"\botan\b.{0,40}?\b2004\b.{0,20}?\bistanbul\b",
            r"\bsommet\s+(?:de\s+l'otan\s+)?d'istanbul\b",
        ),
    ),
    (
        "dir-2011-36-ue",
        (
            r"\bdirective\s+(?:n°\s*)?2011/36(?:/ue)?\b",
            r"\b32011l0036\b",
        ),
    ),
    (
        "fd-2002-584-jai",
        (
            r"\bmandats?\s+d'arret\s+europeens?\b",
            r"\bdecision[-\s]cadre\b.{0,60}?\b13\s+juin\s+2002\b",
            r"\b2002/584(?:/jai)?\b",
        ),
    ),
    (
        "council-conclusions-2009-06-04",
        (
            r"\bconclusions\s+du\s+conseil\s+sur\s+la\s+mise\s+en\s+place\b.{0,80}?"
            r"\brapporteurs\s+nationaux\b",
            r"\breseau\s+informel\s+de\s+rapporteurs\s+nationaux\b",
        ),
    ),
    ("decret-2006-665", (r"\bdecret\s+(?:n°\s*)?2006-665\b",)),
    (
        "ord-45-174",
        (
            r"\bordonnance\s+(?:n°\s*45-174\s+)?du\s+2\s+fevrier\s+1945\b",
            r"\bordonnance\s+(?:n°\s*)?45-174\b",
        ),
    ),
    (
        "loi-2013-711",
        (
            r"\bloi\s+(?:n°\s*)?2013-711\b",
            r"\bprojet\s+de\s+loi\s+portant\s+transposition\s+de\s+la\s+directive\s+2011/36\b",
        ),
    ),
    (
        "ceseda",
        (
            r"\bceseda\b",
            r"\bcode\s+de\s+l'entree\s+et\s+du\s+sejour\s+des\s+etrangers\s+et\s+du\s+"
            r"droit\s+d'asile\b",
        ),
    ),
    ("ceseda-l316-1", (rf"\bl\s*\.?\s*-?\s*316-1{_END}",)),
    ("ceseda-l511-4", (rf"\bl\s*\.?\s*-?\s*511-4{_END}",)),
    ("ceseda-l521-4", (rf"\bl\s*\.?\s*-?\s*521-4{_END}",)),
    ("code-penal", (r"\bcode\s+penal\b",)),
    ("code-penal-225-4-1", (rf"\b225-4-1{_END}",)),
    ("code-penal-225-13-225-16", (rf"\b225-(?:13|14|15-1|15|16){_END}",)),
    ("code-procedure-penale", (r"\bcode\s+de\s+procedure\s+penale\b",)),
    (
        "circ-2009-02-05-sejour-victimes",
        (r"\bcirculaire\s+(?:n°\s*\S+\s+)?du\s+5\s+fevrier\s+2009\b",),
    ),
    (
        "cedh-rantsev-2010",
        (
            r"\brantsev\b",
            r"\b25965/04\b",
            r"\bcour\s+europeennes?\s+des\s+droits\s+de\s+l'homme\s+du\s+7\s+janvier\s+2010",
        ),
    ),
    (
        "cedh-cn-v-france-2012",
        (
            r"\bc\s*\.?,?\s*n\s*\.?,?\s+et\s+v\s*\.?\s+c\s*\.\s*france\b",
            r"\b67724/09\b",
            r"\bcedh,?\s+11\s+octobre\s+2012\b",
        ),
    ),
    (
        "greta-2012-16-fra",
        (
            r"\b(?:rapport|recommandations?)\s+du\s+greta\b",
            r"\ble\s+greta\b",
            r"\bgreta\s*\(\s*2012\s*\)\s*16\b",
        ),
    ),
    (
        "greta-2012-16-reflection-period",
        (rf"{_GRETA}\bdelai\s+de\s+retablissement\s+et\s+de\s+reflexion\b",),
    ),
    ("greta-2012-16-asylum", (rf"{_GRETA}\bdemande\s+d'asile\b",)),
    ("greta-2012-16-compensation", (rf"{_GRETA}\bindemnisation\b",)),
)


def load_legal_texts(path: str | Path | None = None) -> list[dict]:
    """The catalogue items, in file order (default: the shipped JSON)."""
    with open(path or DEFAULT_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def normalise(text: str) -> str:
    """Lower-case, accent-free, straight apostrophes, single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@cache
def compiled_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Every (catalogue id, compiled pattern) pair of ``PATTERNS``."""
    return tuple(
        (text_id, re.compile(pattern))
        for text_id, patterns in PATTERNS
        for pattern in patterns
    )


@cache
def _parents() -> dict[str, str]:
    return {i["id"]: i["parent"] for i in load_legal_texts() if i.get("parent")}


def _lineage(text_id: str) -> list[str]:
    """The id followed by its parent, grand-parent…"""
    chain = [text_id]
    while chain[-1] in _parents() and len(chain) < 5:
        chain.append(_parents()[chain[-1]])
    return chain


def find_citations(text: str) -> list[str]:
    """Catalogue ids cited in ``text``, by first appearance, without repeats.

    A cited article (or GRETA recommendation) brings its parent text right
    after it.
    """
    plain = normalise(text)
    hits = []
    for rank, (text_id, pattern) in enumerate(compiled_patterns()):
        for match in pattern.finditer(plain):
            for depth, item_id in enumerate(_lineage(text_id)):
                hits.append((match.start(), depth, rank, item_id))
    found: list[str] = []
    for *_, item_id in sorted(hits):
        if item_id not in found:
            found.append(item_id)
    return found
