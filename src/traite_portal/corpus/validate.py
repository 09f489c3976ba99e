"""Reject any file that is not a complete plan, before building anything."""

from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.structure import Blocks


ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII")
MEASURE_COUNT = 33
_PREFIX = "Fichier de corpus invalide : "


def _fail(message: str) -> None:
    raise CorpusFormatError(_PREFIX + message)


def _check_chapters(blocks: Blocks) -> None:
    romans = [chapter.roman for chapter in blocks.chapters]
    if len(romans) != len(ROMANS):
        _fail(
            f"{len(ROMANS)} chapitres attendus (I à VII), {len(romans)} trouvés "
            "(le fichier est-il tronqué ?)."
        )
    if tuple(romans) != ROMANS:
        _fail(f"chapitres dans le désordre : {', '.join(romans)}.")
    for chapter in blocks.chapters:
        if not chapter.measures:
            _fail(f"le chapitre {chapter.roman} ne contient aucune mesure.")


def _check_measures(blocks: Blocks) -> None:
    measures = [m for chapter in blocks.chapters for m in chapter.measures]
    if len(measures) != MEASURE_COUNT:
        _fail(
            f"{MEASURE_COUNT} mesures attendues, {len(measures)} trouvées "
            "(le fichier est-il tronqué ?)."
        )
    for expected, measure in enumerate(measures, start=1):
        if measure.number != expected:
            _fail(
                f"mesures dans le désordre : n° {measure.number} trouvée à la "
                f"place de n° {expected}."
            )
        if not measure.title:
            _fail(f"la mesure n° {measure.number} n'a pas de titre.")


def check_structure(blocks: Blocks) -> None:
    """33 titled measures numbered 1..33, 7 chapters I..VII, the annex section."""
    if not blocks.chapters:
        _fail("aucun chapitre trouvé (ligne « CHAPITRE I - … » attendue).")
    _check_measures(blocks)
    _check_chapters(blocks)
    if blocks.annex_heading is None or not any(line.text for line in blocks.annex):
        _fail(
            "section « Modifications souhaitées par les membres du Collectif "
            "concernant les annexes » introuvable ou vide (le fichier est-il "
            "tronqué ?)."
        )
