"""The kinds of identifier, their French names and how a value is written.

One table, read by the indexer, the query side and ``docs/search.md``.
"""

from dataclasses import dataclass
from traite_portal import _

import re


@dataclass(frozen=True)
class Kind:
    """A kind of identifier: its key prefix, its label and examples."""

    name: str
    label: object
    examples: tuple[str, ...]


KINDS = (
    Kind(
        "measure",
        _("ident_measure", default="Mesure du plan"),
        ("mesure 7", "M7", "mesure n° 7"),
    ),
    Kind(
        "chapter",
        _("ident_chapter", default="Chapitre du plan"),
        ("chapitre IV", "chapitre 4"),
    ),
    Kind(
        "ecli", _("ident_ecli", default="ECLI"), ("ECLI:CE:ECHR:2010:0107JUD002596504",)
    ),
    Kind(
        "application",
        _("ident_application", default="Requête CEDH"),
        ("25965/04", "requête n° 25965/04"),
    ),
    Kind(
        "case",
        _("ident_case", default="Nom d'affaire"),
        ("Rantsev", "C.N. et V. c. France"),
    ),
    Kind("celex", _("ident_celex", default="CELEX"), ("32011L0036",)),
    Kind(
        "eli",
        _("ident_eli", default="ELI"),
        ("http://data.europa.eu/eli/dir/2011/36/oj",),
    ),
    Kind("nor", _("ident_nor", default="NOR"), ("JUSD1306583C",)),
    Kind(
        "euact",
        _("ident_euact", default="Numéro d'acte de l'UE"),
        ("directive 2011/36/UE", "2002/584/JAI"),
    ),
    Kind(
        "national",
        _("ident_national", default="Numéro de loi, décret ou ordonnance"),
        ("décret n° 2006-665", "loi 2013-711"),
    ),
    Kind(
        "article",
        _("ident_article", default="Article de code"),
        ("article L.511-4", "art. 225-4-1"),
    ),
    Kind("greta", _("ident_greta", default="Rapport du GRETA"), ("GRETA(2012)16",)),
    Kind(
        "treaty",
        _("ident_treaty", default="Traité du Conseil de l'Europe"),
        ("STCE n° 197",),
    ),
)
KIND_NAMES = tuple(kind.name for kind in KINDS)
SECONDARY = "~"


def key(kind: str, value: object) -> str:
    """The index key of a value (``article:l511-4``)."""
    return f"{kind}:{value}"


def compact(text: str) -> str:
    """Letters and digits only, lower case: « C.N. et V. » → « cnetv »."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def article_number(text: str) -> str:
    """« L.511-4 », « L 511-4 », « l511-4 » → « l511-4 »."""
    return re.sub(r"[\s.]", "", text.lower())


def eli_path(uri: str) -> str:
    """The part of an ELI from « eli/ », without a trailing slash."""
    uri = uri.strip().lower().rstrip("/")
    start = uri.find("eli/")
    return uri[start:] if start >= 0 else uri


def eu_act(year: str | int, number: str | int) -> str:
    """« 2011/36 » for directive 2011/36/UE (leading zeros dropped)."""
    return f"{int(year)}/{int(number)}"
