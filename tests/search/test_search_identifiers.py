"""Identifier jumps: the keys read from a query, from content, and the jump."""

from plone import api
from plone.app.testing import logout
from traite_portal.search.identifiers.kinds import KINDS
from traite_portal.search.identifiers.query import find_identifiers
from traite_portal.search.identifiers.query import is_only_identifier
from traite_portal.search.params import read_params
from traite_portal.search.pipeline import legal_search

import pytest


def keys(text: str) -> set[str]:
    return {k for candidate in find_identifiers(text) for k in candidate.keys}


class TestQueryKeys:
    @pytest.mark.parametrize(
        ("typed", "key"),
        [
            ("mesure 7", "measure:7"),
            ("M7", "measure:7"),
            ("mesure n° 7", "measure:7"),
            ("Mesure n°7", "measure:7"),
            ("mesure no 7", "measure:7"),
            ("chapitre IV", "chapter:4"),
            ("chapitre 4", "chapter:4"),
            (
                "ECLI:CE:ECHR:2010:0107JUD002596504",
                "ecli:ECLI:CE:ECHR:2010:0107JUD002596504",
            ),
            (
                "ecli:ce:echr:2010:0107jud002596504",
                "ecli:ECLI:CE:ECHR:2010:0107JUD002596504",
            ),
            ("25965/04", "application:25965/04"),
            ("requête n° 25965/04", "application:25965/04"),
            ("32011L0036", "celex:32011L0036"),
            ("http://data.europa.eu/eli/dir/2011/36/oj/", "eli:eli/dir/2011/36/oj"),
            ("JUSD1306583C", "nor:JUSD1306583C"),
            ("directive 2011/36/UE", "euact:2011/36"),
            ("décision-cadre 2002/584/JAI", "euact:2002/584"),
            ("décret n° 2006-665", "national:2006-665"),
            ("loi 2013-711", "national:2013-711"),
            ("article L.511-4", "article:l511-4"),
            ("L 511-4", "article:l511-4"),
            ("art. 225-4-1", "article:225-4-1"),
            ("GRETA(2012)16", "greta:2012-16"),
            ("GRETA (2012) 16", "greta:2012-16"),
            ("STCE n° 197", "treaty:197"),
            ("Rantsev", "case:rantsev"),
            ("l'affaire Rantsev", "case:rantsev"),
            ("C.N. et V. c. France", "case:cnetvcfrance"),
            ("C, N et V c. France", "case:cnetvcfrance"),
        ],
    )
    def test_key(self, typed, key):
        assert key in keys(typed)

    @pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
    def test_every_documented_example(self, kind):
        for example in kind.examples:
            assert any(k.startswith(f"{kind.name}:") for k in keys(example)), example

    @pytest.mark.parametrize(
        ("typed", "only"),
        [
            ("article L.511-4 du CESEDA", True),
            ("la directive 2011/36/UE", True),
            ("mesure 7", True),
            ("mesure 7 demande", False),
            ("victimes 25965/04", False),
        ],
    )
    def test_only_identifier(self, typed, only):
        (candidate,) = [
            c for c in find_identifiers(typed) if not c.keys[0].startswith("case:")
        ]
        assert is_only_identifier(typed, candidate) is only


def search(q: str):
    return legal_search(read_params({"q": q}))


def publish(obj):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=obj, to_state="published")


@pytest.fixture
def library(integration):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            integration["portal"], "TextLibrary", id="textes", title="Textes"
        )


class TestJump:
    def test_nor_jumps_to_the_circular(self, library):
        with api.env.adopt_roles(["Manager"]):
            circular = api.content.create(
                library, "Circular", id="c", title="Circulaire", nor="INTV1000000C"
            )
        publish(circular)
        answer = search("NOR INTV1000000C")
        assert answer.jump.UID == circular.UID()
        assert answer.items[0].by_identifier

    def test_a_hidden_item_is_never_a_jump(self, library):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                library, "Circular", id="c", title="Brouillon", nor="INTV1000000C"
            )
        logout()
        answer = search("INTV1000000C")
        assert answer.jump is None
        assert answer.result.total == 0

    def test_the_article_before_the_code(self, library):
        with api.env.adopt_roles(["Manager"]):
            code = api.content.create(
                library,
                "NationalText",
                id="code",
                title="Code",
                text_kind="code",
                articles=["L316-1", "L511-4"],
            )
        publish(code)
        assert search("article L.511-4").jump.UID == code.UID()
        with api.env.adopt_roles(["Manager"]):
            article = api.content.create(
                library,
                "NationalText",
                id="art",
                title="Article L511-4",
                text_kind="article de code",
                articles=["L511-4"],
            )
        publish(article)
        assert search("article L.511-4").jump.UID == article.UID()

    def test_two_measures_seven_no_jump(self, integration, create_measure):
        portal = integration["portal"]
        create_measure(portal, number=7)
        with api.env.adopt_roles(["Manager"]):
            plan = api.content.create(portal, "ActionPlan", id="plan2", title="Plan 2")
            chapter = api.content.create(plan, "Chapter", title="C", number=1)
            api.content.create(chapter, "Measure", title="Autre", number=7)
        answer = search("mesure 7")
        assert answer.jump is None
        assert [i.by_identifier for i in answer.items[:2]] == [True, True]
