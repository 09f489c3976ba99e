"""The Collectif's proposals: one item per bullet, in the right place and kind."""

from corpus_data import chapter
from corpus_data import measure
from corpus_data import parsed

import pytest


# Bullets counted by hand in the Collectif's boxes of each measure (items that
# speak of « ce chapitre » are counted on the chapter, see CHAPTER_COUNTS).
PROPOSAL_COUNTS = {
    1: 6,
    2: 3,
    3: 3,
    4: 2,
    5: 3,
    6: 4,
    7: 3,
    8: 7,
    9: 9,
    10: 2,
    11: 9,
    12: 4,
    13: 2,
    14: 2,
    15: 6,
    16: 2,
    17: 1,
    18: 1,
    19: 4,
    20: 15,
    21: 3,
    22: 2,
    23: 4,
    24: 0,
    25: 1,
    26: 0,
    27: 0,
    28: 0,
    29: 0,
    30: 0,
    31: 1,
    32: 0,
    33: 2,
}
CHAPTER_COUNTS = {"I": 0, "II": 1, "III": 2, "IV": 4, "V": 1, "VI": 0, "VII": 0}

# Collectif sentences (or fragments cut by a page break) that must never end up
# in the plan's official text.
COLLECTIF_FRAGMENTS = [
    "Collectif",
    "collectif",
    "MIPROF",
    "Web Doc",
    "trimestrielles plutôt",
    "Des réunions trimestrielles",
    "La police doit être informée",
    "traite soient systématiquement mises au courant",
    "intégrer des indicateurs spécifiques",
    "afin de déterminer les cibles",
    "financièrement les associations de ces mêmes pays",
    "France plusieurs types d’hébergements",
    "Ac-Sé étant l’unique",
    "nécessite par ailleurs",
    "Le délai de 30 jours devrait",
    "Les associations travaillant avec les victimes de la traite des êtres "
    "humains doivent pouvoir",
    "Le contenu de ces formations mettra",
    "Les dispositions de la circulaire du 5 février 2009",
    "coopération avec la police est donc un prérequis",
    "charge la victime comme adresse effective",
    "se réjouit",
    "Une protection spécifique aux enfants",
    "Il serait pertinent",
    "pourrait être ajoutée",
    "criminalisation de la mendicité",
]


class TestCounts:
    @pytest.mark.parametrize(("number", "count"), PROPOSAL_COUNTS.items())
    def test_per_measure(self, number, count):
        assert len(measure(number).proposals) == count

    @pytest.mark.parametrize(("roman", "count"), CHAPTER_COUNTS.items())
    def test_per_chapter(self, roman, count):
        assert len(chapter(roman).proposals) == count

    def test_annex(self):
        assert len(parsed().annex_proposals) == 3


class TestSeparation:
    @pytest.mark.parametrize("fragment", COLLECTIF_FRAGMENTS)
    def test_no_collectif_text_in_official_text(self, fragment):
        hits = [m.number for m in parsed().measures if fragment in m.official_text]
        assert hits == []

    @pytest.mark.parametrize("fragment", COLLECTIF_FRAGMENTS[:-4])
    def test_no_collectif_text_in_chapters(self, fragment):
        for c in parsed().chapters:
            assert fragment not in c.introduction + c.findings

    def test_bullet_cut_by_a_page_break_is_one_item(self):
        (item,) = [p for p in measure(12).proposals if "GRETA et les" in p.text]
        assert item.text.endswith(
            "afin que les victimes de la traite soient systématiquement mises au "
            "courant de la possibilité de disposer d’un délai de rétablissement et "
            "de réflexion."
        )
        assert "Pour répondre" not in item.text

    @pytest.mark.parametrize(
        ("number", "fragment"),
        [
            (8, "Elle devra également intégrer des indicateurs spécifiques"),
            (
                9,
                "en coordination avec les associations de lutte contre la traite des "
                "êtres humains, afin de déterminer les cibles",
            ),
            (
                11,
                "Une ouverture de droits sans condition de coopération avec la police",
            ),
            (16, "l’association prenant en charge la victime comme adresse effective"),
            (19, "Il coexiste actuellement en France plusieurs types"),
            (20, "d’informer les acteurs de terrains"),
            (22, "et d’aider financièrement les associations"),
        ],
    )
    def test_rejoined_across_page_breaks(self, number, fragment):
        assert any(fragment in p.text for p in measure(number).proposals)

    def test_sub_list_stays_in_its_bullet(self):
        item = measure(19).proposals[1]
        assert "\n\n- l’éloignement géographique par Ac-Sé ;" in item.text
        assert item.text.endswith("stratégie d’hébergement adapté.")

    def test_items_have_no_bullet_mark(self):
        for m in parsed().measures:
            for p in m.proposals:
                assert not p.text.startswith(("-", " "))
                assert p.text

    def test_measures_10_and_15_boxes_without_spacer(self):
        assert measure(10).proposals[1].text.startswith("Le contenu de ces formations")
        assert (
            measure(15)
            .proposals[0]
            .text.startswith("Les dispositions de la circulaire du 5 février 2009")
        )


class TestKinds:
    def test_the_only_amendment_is_measure_18(self):
        amendments = [
            (m.number, p)
            for m in parsed().measures
            for p in m.proposals
            if p.kind == "amendment"
        ]
        assert [n for n, _ in amendments] == [18]
        target = amendments[0][1].target
        assert target == measure(18).official_text
        assert target.startswith("Ce diagnostic sera effectué par les associations")

    def test_amendment_keeps_the_new_wording(self):
        (item,) = measure(18).proposals
        assert "« Ce diagnostic sera effectué par les autorités compétentes" in (
            item.text
        )

    def test_measure_7_asks_for_a_new_measure(self):
        kinds = [p.kind for p in measure(7).proposals]
        assert kinds == ["remark", "addition", "remark"]

    def test_measure_20_additional_actions(self):
        items = measure(20).proposals
        additions = [p for p in items if p.kind == "addition"]
        assert len(additions) == 12
        assert {p.lead_in for p in additions} == {
            "L'exécution de cette mesure n°20 nécessite par ailleurs :"
        }
        assert additions[0].text.startswith("Effectuer un diagnostic")
        assert items[-1].text.startswith("Le collectif encourage la stratégie")
        assert items[-1].kind == "remark"
        assert items[-1].lead_in is None

    def test_other_kinds_are_remarks_without_target(self):
        for m in parsed().measures:
            for p in m.proposals:
                if m.number not in (7, 18, 20):
                    assert p.kind == "remark"
                if p.kind != "amendment":
                    assert p.target is None


class TestChapterLevel:
    def test_chapter_iv_compensation_and_non_punishment(self):
        items = chapter("IV").proposals
        assert items[0].text.startswith("Dans ce chapitre consacré à la protection")
        assert "indemnisation" in items[0].text
        assert "non-sanction des victimes" in items[3].text
        assert [p.kind for p in items] == ["addition", "remark", "remark", "addition"]
        assert len(measure(24).proposals) == 0

    def test_chapter_v_begging(self):
        (item,) = chapter("V").proposals
        assert "criminalisation de la mendicité" in item.text
        assert item.kind == "addition"

    def test_chapter_ii_label(self):
        (item,) = chapter("II").proposals
        assert "« Grande cause nationale»" in item.text

    def test_chapter_iii_new_measures(self):
        texts = [p.text for p in chapter("III").proposals]
        assert texts[0].startswith("Une série de mesures à l’intérieur du chapitre")
        assert texts[1].startswith("Une mesure à l’intérieur de ce chapitre")
        assert all(p.kind == "addition" for p in chapter("III").proposals)


class TestAnnex:
    def test_three_texts_with_their_rubric(self):
        items = parsed().annex_proposals
        assert [p.kind for p in items] == ["addition"] * 3
        assert [p.target for p in items] == [
            "textes juridiques internationaux",
            "arrêts de la Cour Européenne des Droits de l’Homme",
            "textes de droit communautaire",
        ]
        assert "Convention internationale des droits de l’enfant de 1989" in (
            items[0].text
        )
        assert "« CEDH 11 octobre 2012, C, N et V c. France »" in items[1].text
        assert "directive 2011/36/UE" in items[2].text
        assert all(
            p.text.startswith("Il serait pertinent d’ajouter en annexe") for p in items
        )
