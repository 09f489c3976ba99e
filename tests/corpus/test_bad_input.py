"""Anything that is not the complete plan is rejected with a French message."""

from corpus_data import source_text
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.parser import parse_corpus
from traite_portal.corpus.parser import parse_file

import pytest
import random
import re


def lines() -> list[str]:
    return source_text().split("\n")


def index_of(prefix: str, start: int = 0) -> int:
    """Index of the first line starting (after spaces) with ``prefix``."""
    return next(
        i
        for i, line in enumerate(lines())
        if i >= start and line.strip().startswith(prefix)
    )


def measure_span(number: int) -> tuple[int, int]:
    """Line indexes [start, end) of a measure's heading and zone."""
    heading = re.compile(rf"^\s?MESURE\s+N°\s*{number}\s*:")
    other = re.compile(r"^\s?(MESURE\s+N°|CHAPITRE\s)")
    src = lines()
    start = next(i for i, line in enumerate(src) if heading.match(line))
    end = next(i for i in range(start + 1, len(src)) if other.match(src[i]))
    return start, end


def without(start: int, end: int) -> str:
    src = lines()
    return "\n".join(src[:start] + src[end:])


def rejected(text: str) -> str:
    with pytest.raises(CorpusFormatError) as info:
        parse_corpus(text)
    message = str(info.value)
    assert message.startswith(("Fichier de corpus invalide", "Organisme inconnu"))
    return message


class TestIncompleteFiles:
    @pytest.mark.parametrize("text", ["", "   \n \n", "\n\n\n"])
    def test_empty(self, text):
        assert "le fichier est vide" in rejected(text)

    def test_not_the_plan(self):
        assert "aucun chapitre" in rejected("Bonjour,\nceci n'est pas le plan.\n")

    def test_truncated_halfway(self):
        src = lines()
        message = rejected("\n".join(src[: len(src) // 2]))
        assert re.search(r"33 mesures attendues, \d+ trouvées", message)
        assert "tronqué" in message

    def test_only_ten_measures(self):
        start, _ = measure_span(11)
        message = rejected("\n".join(lines()[:start]))
        assert "33 mesures attendues, 10 trouvées (le fichier est-il tronqué ?)" in (
            message
        )

    def test_annex_section_missing(self):
        start = index_of("Modifications souhaitées par les membres du Collectif")
        assert "annexes" in rejected("\n".join(lines()[:start]))

    def test_annex_text_cut(self):
        start = index_of("Modifications souhaitées par les membres du Collectif")
        assert "introuvable ou vide" in rejected("\n".join(lines()[: start + 1]))

    def test_measure_removed(self):
        assert "32 trouvées" in rejected(without(*measure_span(17)))

    def test_chapter_heading_removed(self):
        start = index_of("CHAPITRE V -")
        assert "7 chapitres attendus (I à VII), 6 trouvés" in rejected(
            without(start, start + 1)
        )

    def test_findings_removed(self):
        start = index_of("CONSTAT", index_of("CHAPITRE V -"))
        end = index_of("MESURE N° 25")
        assert "le chapitre V n'a pas de constat" in rejected(without(start, end))

    def test_title_block_missing(self):
        start = index_of("CHAPITRE I -")
        assert "titre" in rejected(without(0, start))


class TestShuffled:
    def test_two_measures_swapped(self):
        src = lines()
        (a, b), (c, d) = measure_span(5), measure_span(6)
        swapped = src[:a] + src[c:d] + src[a:b] + src[d:]
        assert "n° 6 trouvée à la place de n° 5" in rejected("\n".join(swapped))

    def test_two_chapters_swapped(self):
        src = lines()
        v, vi, vii = (index_of(f"CHAPITRE {r} -") for r in ("V", "VI", "VII"))
        swapped = src[:v] + src[vi:vii] + src[v:vi] + src[vii:]
        assert "désordre" in rejected("\n".join(swapped))

    def test_lines_shuffled(self):
        src = lines()
        random.Random(2010).shuffle(src)
        rejected("\n".join(src))

    def test_measure_duplicated(self):
        src = lines()
        a, b = measure_span(3)
        c, d = measure_span(4)
        duplicated = src[:c] + src[a:b] + src[d:]
        assert "n° 3 trouvée à la place de n° 4" in rejected("\n".join(duplicated))


class TestBadMeasure:
    def replace(self, old: str, new: str) -> str:
        text = source_text()
        assert text.count(old) == 1
        return text.replace(old, new)

    def test_measure_without_title(self):
        text = self.replace(
            "MESURE N°21 : RENFORCER L'ACCES AUX SOINS ET AUX SERVICES SOCIAUX",
            "MESURE N°21 :",
        )
        assert "la mesure n° 21 n'a pas de titre" in rejected(text)

    def test_unknown_body(self):
        text = self.replace(
            "Responsable : ministère de la santé et des sports",
            "Responsable : ministère de la culture",
        )
        message = rejected(text)
        assert "ministère de la culture" in message
        assert "mesure n° 21" in message

    def test_unreadable_deadline(self):
        text = self.replace("Échéancier : 2011-2013", "Échéancier : bientôt")
        assert "échéance illisible « bientôt » (mesure n° 27)" in rejected(text)

    def test_measure_without_header(self):
        start, end = measure_span(31)
        src = lines()
        kept = [
            line
            for line in src[start:end]
            if not re.match(r"(Responsable|Partenaires|Échéance)", line.strip())
        ]
        text = "\n".join(src[:start] + kept + src[end:])
        assert "la mesure n° 31 n'a pas d'en-tête" in rejected(text)


class TestCorrectionsMustApply:
    def test_anchor_missing(self):
        text = source_text().replace(
            "Une telle mesure permet de garantir", "Cette mesure permet de garantir"
        )
        assert "correction manuelle" in rejected(text)

    def test_anchor_twice(self):
        text = source_text().replace(
            "Le secrétariat général de la mission devra",
            "Le secrétariat général de la mission devra\n"
            "Le secrétariat général de la mission devra",
        )
        assert "elle en trouve 2" in rejected(text)


class TestFiles:
    def test_not_utf8(self, tmp_path):
        path = tmp_path / "plan.txt"
        path.write_bytes(source_text().encode("latin-1", "replace"))
        with pytest.raises(CorpusFormatError, match="UTF-8"):
            parse_file(path)

    def test_missing_file(self, tmp_path):
        with pytest.raises(CorpusFormatError, match="illisible"):
            parse_file(tmp_path / "absent.txt")

    def test_crlf_is_accepted(self, tmp_path):
        path = tmp_path / "plan.txt"
        path.write_bytes(source_text().replace("\n", "\r\n").encode("utf-8"))
        assert len(parse_file(path).measures) == 33
