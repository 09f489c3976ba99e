"""The controlled list of responsible bodies and partners."""

from corpus_data import parsed
from traite_portal.corpus.bodies import BODIES
from traite_portal.corpus.bodies import split_bodies
from traite_portal.corpus.errors import CorpusFormatError
from traite_portal.corpus.errors import UnknownBodyError

import pytest
import re


# Spellings taken from the source and the tokens they must give.
VARIANTS = [
    ("services du Premier ministre", ["premier-ministre"]),
    (
        "ministère de l'intérieur de l'outre-mer et des collectivités territoriales",
        ["min-interieur"],
    ),
    (
        "ministères de l'intérieur, de l'outre-mer et des collectivités territoriales",
        ["min-interieur"],
    ),
    (
        "ministère  de l'intérieur, de l'outre-mer et des collectivités territoriales",
        ["min-interieur"],
    ),
    (
        "ministère de l'immigration, de l'intégration, de l'identité nationale, et du "
        "développement solidaire,  collectivités territoriales",
        ["min-immigration", "collectivites"],
    ),
    (
        "ministère de l'immigration de l'intégration, de l'identité nationale et du "
        "développement solidaire et le ministère du travail de la solidarité et de la "
        "fonction publique",
        ["min-immigration", "min-travail"],
    ),
    (
        "ministère de l'immigration, de l'intégration, de l'identité nationale et du "
        "développement solidaire (Office Français de l'Intégration et de "
        "l'Immigration)",
        ["min-immigration", "ofii"],
    ),
    ("ministères des affaires étrangères et européennes", ["min-affaires-etrangeres"]),
    (
        "ministère des Affaires étrangères et européennes et la mission "
        "interministérielle de coordination pour la prévention et la lutte contre la "
        "traite des êtres humains et pour la protection des victimes",
        ["min-affaires-etrangeres", "miprof"],
    ),
    (
        "ministère du budget, des comptes publics et de la réforme de l'État",
        ["min-budget"],
    ),
    (
        "mission interministérielle de coordination pour la prévention et la lutte "
        "contre la traite des êtres humains et la protection des victimes, structures "
        "de coordinations départementales, collectivités territoriales",
        ["miprof", "coordinations-departementales", "collectivites"],
    ),
    ("service d'information du gouvernement", ["sig"]),
    (
        "ministère de l’éducation nationale, associations spécialisées",
        ["min-education", "associations"],
    ),
    ("ministère de la santé et des sports", ["min-sante"]),
    ("ministère de la justice et des libertés", ["min-justice"]),
]


class TestBodiesTable:
    def test_tokens_are_unique_ascii_slugs(self):
        tokens = [b.token for b in BODIES]
        assert len(tokens) == len(set(tokens))
        assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", t) for t in tokens)

    def test_kinds(self):
        assert {b.kind for b in BODIES} <= {"ministry", "agency", "other"}
        assert all(
            b.title.startswith("ministère") for b in BODIES if b.kind == "ministry"
        )

    def test_every_body_of_the_plan_is_used(self):
        used = {t for m in parsed().measures for t in m.responsible + m.partners}
        assert used == {b.token for b in BODIES}

    @pytest.mark.parametrize("body", BODIES, ids=lambda b: b.token)
    def test_canonical_title_is_recognised(self, body):
        assert split_bodies(body.title) == [body.token]


class TestSplit:
    @pytest.mark.parametrize(("value", "tokens"), VARIANTS)
    def test_variants(self, value, tokens):
        assert split_bodies(value) == tokens

    def test_line_breaks_and_order(self):
        value = (
            "ministère de la justice et des libertés, ministère de l'intérieur "
            "de l'outre-mer et des\ncollectivités territoriales"
        )
        assert split_bodies(value) == ["min-justice", "min-interieur"]

    def test_empty(self):
        assert split_bodies("") == []

    @pytest.mark.parametrize(
        "value",
        [
            "ministère de la culture",
            "ministère de la justice et des libertés, ministère de la culture",
            "ministère de la justice et des libertés et la préfecture de police",
        ],
    )
    def test_unknown_body_is_never_lost(self, value):
        with pytest.raises(UnknownBodyError) as info:
            split_bodies(value)
        assert info.value.remainder in value
        assert info.value.remainder.startswith(
            ("ministère de la culture", "préfecture")
        )
        assert isinstance(info.value, CorpusFormatError)
        assert "Organisme inconnu" in str(info.value)
