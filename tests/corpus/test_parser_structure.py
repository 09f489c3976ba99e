"""Chapters, findings, footnotes, plan identity, summary and JSON dump."""

from corpus_data import chapter
from corpus_data import parsed
from corpus_data import SOURCE
from corpus_data import source_text
from traite_portal.corpus import dump
from traite_portal.corpus.parser import parse_file

import hashlib
import json
import pytest
import re


CHAPTERS = [
    ("I", "COORDONNER LA LUTTE CONTRE LA TRAITE DES ÊTRES HUMAINS", [1, 2, 3, 4]),
    ("II", "PREVENIR LA TRAITE DES ÊTRES HUMAINS", [5, 6, 7]),
    ("III", "IDENTIFIER LES VICTIMES", [8, 9, 10]),
    ("IV", "PROTEGER LES VICTIMES", list(range(11, 25))),
    ("V", "REPRIMER LES AUTEURS", [25, 26]),
    (
        "VI",
        "COOPERER AVEC LES ETATS CONCERNES ET LES ORGANISATIONS INTERNATIONALES",
        list(range(27, 33)),
    ),
    ("VII", "CONTROLER ET ÉVALUER", [33]),
]
# First words of the findings (« CONSTAT ») of each chapter.
FINDINGS_START = {
    "I": "Les actions engagées sur le territoire national",
    "II": "La prévention est un des axes majeurs",
    "III": "L'article 10 de la Convention du Conseil de l'Europe",
    "IV": "La traite des êtres humains est une violation des droits de l'Homme",
    "V": "Selon la définition prévue par le protocole additionnel",
    "VI": "Considérée comme l’une des composantes les plus graves",
    "VII": "La Convention du Conseil de l'Europe pose des obligations nouvelles",
}


def all_text() -> str:
    corpus = parsed()
    parts = []
    for c in corpus.chapters:
        parts += [c.title, c.introduction, c.findings]
        parts += [p.text for p in c.proposals]
        for m in c.measures:
            parts += [m.title, m.official_text] + [p.text for p in m.proposals]
    return "\n".join(parts + [p.text for p in corpus.annex_proposals])


class TestChapters:
    def test_seven_chapters(self):
        assert [c.roman for c in parsed().chapters] == [r for r, _, _ in CHAPTERS]
        assert [c.number for c in parsed().chapters] == list(range(1, 8))

    @pytest.mark.parametrize(("roman", "title", "numbers"), CHAPTERS)
    def test_title_and_measures(self, roman, title, numbers):
        c = chapter(roman)
        assert c.title == title
        assert [m.number for m in c.measures] == numbers

    @pytest.mark.parametrize(("roman", "start"), FINDINGS_START.items())
    def test_findings(self, roman, start):
        assert chapter(roman).findings.startswith(start)

    def test_only_chapter_i_has_an_introduction(self):
        assert chapter("I").introduction.startswith("Partant du constat")
        assert chapter("I").introduction.endswith(
            "tant au plan national que départemental."
        )
        assert [c.roman for c in parsed().chapters if c.introduction] == ["I"]

    def test_chapter_iv_subsections(self):
        paragraphs = chapter("IV").findings.split("\n\n")
        for heading in (
            "1.1 – Délai de réflexion",
            "1.2 – Logement, santé et services sociaux",
            "1.3 – Aide au retour volontaire dans le pays d'origine",
        ):
            assert heading in paragraphs
        assert paragraphs[-1].startswith(
            "La Convention du Conseil de l'Europe pose des standards communs"
        )


class TestCleanText:
    def test_footnotes_of_chapter_iv(self):
        notes = chapter("IV").footnotes
        assert len(notes) == 2
        assert notes[0].startswith("Cour européenne des droits de l'Homme")
        assert notes[0].endswith(
            "Rantsev c. Chypre et la Russie (requête n°25965/04), 7 janvier 2010"
        )
        assert notes[1].startswith("Selon les articles L511-4 et L521-4 du CESEDA")
        assert notes[1].endswith(
            "ne peuvent pas faire l’objet d’une mesure d'éloignement."
        )
        assert [c.roman for c in parsed().chapters if c.footnotes] == ["IV"]

    def test_footnote_markers_are_removed(self):
        findings = chapter("IV").findings
        assert "du 7 janvier 2010 qui a condamné Chypre" in findings
        assert "est garanti, cela même" in findings

    @pytest.mark.parametrize(
        "fragment",
        [
            "20101",
            "garanti2",
            "Rantsev",
            "L511-4",
            "______",
            "\n26\n",
            "\n.\n",
        ],
    )
    def test_no_stray_fragments(self, fragment):
        assert fragment not in all_text()

    def test_no_line_reduced_to_a_page_number(self):
        for paragraph in re.split(r"\n+", all_text()):
            assert not re.fullmatch(r"\s*\d+\s*", paragraph)


class TestPlanInfo:
    def test_identity(self):
        plan = parsed().plan
        assert plan.title == (
            "Plan d’action national de lutte contre la traite des êtres humains"
        )
        assert (plan.adoption_date, plan.period_start, plan.period_end) == (
            "2010-07",
            2011,
            2013,
        )
        assert "33 mesures réparties en 7 chapitres" in plan.summary

    def test_source_hash(self):
        expected = hashlib.sha256(source_text().encode("utf-8")).hexdigest()
        assert parsed().source_sha256 == expected

    def test_parse_file_equals_parse_corpus(self):
        assert parse_file(SOURCE) == parsed()


class TestSummaryAndDump:
    def test_summary_data(self):
        data = parsed().summary_data()
        assert data["measures"] == 33
        assert data["annex_proposals"] == 3
        assert data["missing_fields"][27] == ["partners", "instruments"]
        assert 1 not in data["missing_fields"]

    def test_summary_text(self):
        text = parsed().summary()
        assert text.startswith("7 chapitres, 33 mesures")
        assert "mesure 26 : Partenaires, Instrument" in text

    def test_to_dict_is_json(self):
        data = json.loads(json.dumps(parsed().to_dict(), ensure_ascii=False))
        assert data["chapters"][0]["measures"][0]["number"] == 1
        assert set(data["chapters"][0]["measures"][0]["proposals"][0]) == {
            "text",
            "kind",
            "target",
            "lead_in",
        }

    def test_dump_summary(self, capsys):
        assert dump.main([str(SOURCE)]) == 0
        assert capsys.readouterr().out == parsed().summary() + "\n"

    def test_dump_json(self, capsys):
        assert dump.main([str(SOURCE), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["source_sha256"] == parsed().source_sha256
        assert len(data["annex_proposals"]) == 3

    def test_dump_rejects_a_bad_file(self, tmp_path, capsys):
        bad = tmp_path / "vide.txt"
        bad.write_text("", encoding="utf-8")
        assert dump.main([str(bad)]) == 2
        assert "Fichier de corpus invalide" in capsys.readouterr().err
