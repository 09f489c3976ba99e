"""The plan/Collectif separation heuristics on small synthetic extracts."""

from corpus_data import ROOT  # noqa: F401  (installs the zope-less package shim)
from traite_portal.corpus.footnotes import extract_footnotes
from traite_portal.corpus.footnotes import strip_marker
from traite_portal.corpus.lines import split_lines
from traite_portal.corpus.paragraphs import assemble
from traite_portal.corpus.paragraphs import normalise_bullet
from traite_portal.corpus.paragraphs import restore_bullets
from traite_portal.corpus.segments import separate

import pytest


def streams(*raw: str) -> tuple[list[str], list[str]]:
    """(plan paragraphs, Collectif paragraphs) of the given raw lines."""
    plan, collectif = separate(split_lines("\n".join(raw)))
    return [p.text for p in assemble(plan)], [p.text for p in assemble(collectif)]


class TestBoxes:
    def test_empty_then_space_opens_a_box(self):
        plan, coll = streams("Texte du plan.", "", " ", "- Une proposition.")
        assert (plan, coll) == (["Texte du plan."], ["- Une proposition."])

    def test_space_then_empty_is_only_a_paragraph_break(self):
        plan, coll = streams("Le plan dit :", " ", "", "- faciliter ceci;")
        assert (plan, coll) == (["Le plan dit :", "- faciliter ceci;"], [])

    def test_box_pattern_before_any_plan_text_is_ignored(self):
        plan, coll = streams("", " ", "Partant du constat, le plan agit.")
        assert (plan, coll) == (["Partant du constat, le plan agit."], [])

    def test_box_without_spacer_after_a_finished_sentence(self):
        plan, coll = streams("Fin du plan.", "", "- Le Collectif demande.")
        assert (plan, coll) == (["Fin du plan."], ["- Le Collectif demande."])

    def test_plan_list_item_after_empty_line_stays_in_the_plan(self):
        plan, coll = streams("- faciliter ceci;", "", "- favoriser cela;")
        assert (plan, coll) == (["- faciliter ceci;", "- favoriser cela;"], [])

    def test_header_labels_are_always_plan(self):
        plan, coll = streams(
            "Responsable : services du Premier ministre",
            "",
            " ",
            "- Avis.",
            "Échéance : 2011",
        )
        assert plan == ["Responsable : services du Premier ministre", "Échéance : 2011"]


class TestPageBreaks:
    def test_plan_sentence_resumes_after_the_box(self):
        plan, coll = streams(
            "Le plan prévu par le",
            "",
            " ",
            "- Avis du Collectif.",
            " décret n°2006-665 du 7 juin 2006.",
        )
        assert plan == ["Le plan prévu par le décret n°2006-665 du 7 juin 2006."]
        assert coll == ["- Avis du Collectif."]

    def test_collectif_sentence_continues_over_the_page(self):
        plan, coll = streams(
            "Fin du plan.",
            "",
            " ",
            "- Une ouverture sans",
            " condition est nécessaire.",
        )
        assert coll == ["- Une ouverture sans condition est nécessaire."]

    def test_both_cut_the_interrupted_plan_resumes_first(self):
        plan, coll = streams(
            "Le plan permet de faciliter et",
            "",
            " ",
            "- Le Collectif recommande de",
            " sensibiliser le public.",
            "",
            "la traite, afin de cibler.",
        )
        assert plan == ["Le plan permet de faciliter et sensibiliser le public."]
        assert coll == ["- Le Collectif recommande de la traite, afin de cibler."]

    def test_capitalised_paragraph_after_a_box_is_the_plan(self):
        plan, coll = streams("Premier.", "", " ", "- Avis.", " Le plan reprend.")
        assert plan == ["Premier.", "Le plan reprend."]

    def test_lowercase_bullet_rejoins_the_plan_list(self):
        plan, coll = streams(
            "En France :",
            "- l'octroi d'une identité ;",
            "",
            " ",
            "- Une protection.",
            " - le relogement ;",
        )
        assert plan == [
            "En France :",
            "- l'octroi d'une identité ;",
            "- le relogement ;",
        ]
        assert coll == ["- Une protection."]


class TestFootnotes:
    RAW = [
        "le 7 janvier 20101 a condamné.",
        "est garanti2, même.",
        "",
        " " * 59,
        "1 Cour européenne, 7 janvier 2010",
        "2",
        " Selon les articles L511-4, les mineurs ne peuvent",
        "",
        "pas faire l’objet d’une mesure.",
        " 1.2 – Logement",
    ]

    def test_zone_is_cut_out(self):
        kept, notes = extract_footnotes(split_lines("\n".join(self.RAW)))
        assert [line.text for line in kept if line.text] == [
            "le 7 janvier 20101 a condamné.",
            "est garanti2, même.",
            "1.2 – Logement",
        ]
        assert notes == {
            1: "Cour européenne, 7 janvier 2010",
            2: "Selon les articles L511-4, les mineurs ne peuvent pas faire "
            "l’objet d’une mesure.",
        }

    @pytest.mark.parametrize(
        ("text", "number", "expected"),
        [
            ("du 7 janvier 20101 qui", 1, "du 7 janvier 2010 qui"),
            ("est garanti2, cela", 2, "est garanti, cela"),
            ("insuffisante (1), le", 1, "insuffisante (1), le"),
            ("la mesure n°3", 3, "la mesure n°3"),
        ],
    )
    def test_marker(self, text, number, expected):
        assert strip_marker(text, number)[0] == expected


class TestParagraphs:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("-les représentations", "- les représentations"),
            ("-  La création", "- La création"),
            ("- -Le personnel", "- Le personnel"),
            ("-    1- Créer une fiche", "- 1- Créer une fiche"),
            ("2- Créer au sein", "- 2- Créer au sein"),
            ("Texte  ordinaire", "Texte ordinaire"),
        ],
    )
    def test_normalise_bullet(self, raw, expected):
        assert normalise_bullet(raw) == expected

    def test_restore_bullets_after_a_colon(self):
        paragraphs = [
            "Il faut :",
            "- Diffuser ceci;",
            "Fournir cela;",
            "S’assurer que tout va;",
            "Les centres sont adaptés.",
            "Outre une définition, rien.",
        ]
        assert restore_bullets(paragraphs) == [
            "Il faut :",
            "- Diffuser ceci;",
            "- Fournir cela;",
            "- S’assurer que tout va;",
            "Les centres sont adaptés.",
            "Outre une définition, rien.",
        ]

    def test_no_list_without_colon(self):
        paragraphs = ["- un manuel", "- par ailleurs, des sites.", "Outre cela."]
        assert restore_bullets(paragraphs) == paragraphs
