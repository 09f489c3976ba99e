"""Hand corrections for the cases the heuristics cannot decide.

Each correction is keyed by a stable text anchor: the first words of exactly one
line of the source (leading spaces ignored), never by a line number. The parser
checks that every anchor matches exactly one line, so a correction can neither
go stale silently nor hit a second place.
"""

from dataclasses import dataclass
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.lines import Line
from typing import Literal


Action = Literal["plan", "new-paragraph"]


@dataclass(frozen=True)
class Correction:
    """Force the line starting with ``anchor`` to a stream or paragraph start."""

    anchor: str
    action: Action
    reason: str


CORRECTIONS: tuple[Correction, ...] = (
    Correction(
        "Une telle mesure permet de garantir",
        "plan",
        "Mesure 13 : suite du point « 2- Créer … » du plan, précédée par erreur "
        "du motif vide/espace qui annonce d'ordinaire un encadré du Collectif.",
    ),
    Correction(
        "Le secrétariat général de la mission devra",
        "new-paragraph",
        "Mesure 1 : paragraphe du plan qui clôt la liste à puces ; l'extraction "
        "a perdu la ligne d'espacement et le collerait au dernier tiret.",
    ),
)


def anchored(text: str, action: Action) -> bool:
    """True when ``text`` (a stripped line) is the anchor line of a correction."""
    return any(c.action == action and text.startswith(c.anchor) for c in CORRECTIONS)


def check_corrections(lines: list[Line]) -> None:
    """Every anchor must match exactly one line, else the file is rejected."""
    for correction in CORRECTIONS:
        count = sum(1 for line in lines if line.text.startswith(correction.anchor))
        if count != 1:
            raise CorpusFormatError(
                "Fichier de corpus invalide : la correction manuelle « "
                f"{correction.anchor} » devrait s'appliquer à une seule ligne, "
                f"elle en trouve {count}."
            )
