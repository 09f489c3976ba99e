"""Query syntax: phrases, AND/OR/NOT (ET/OU/SAUF), -mot, prefix*, French errors."""

from traite_portal.search.query.nodes import AllOf
from traite_portal.search.query.nodes import AnyOf
from traite_portal.search.query.nodes import describe
from traite_portal.search.query.nodes import Phrase
from traite_portal.search.query.nodes import Word
from traite_portal.search.query.syntax import MAX_QUERY_LENGTH
from traite_portal.search.query.syntax import OPERATORS
from traite_portal.search.query.syntax import parse_query
from traite_portal.search.query.syntax import QuerySyntaxError
from zope.i18n import translate

import pytest


def understood(text: str) -> str:
    return describe(parse_query(text))


class TestSyntax:
    @pytest.mark.parametrize(
        ("typed", "meaning"),
        [
            ("victimes étrangères", "victimes étrangères"),
            ('"carte de séjour" mineurs', '"carte de séjour" mineurs'),
            ("« carte de séjour » mineurs", '"carte de séjour" mineurs'),
            ("“carte de séjour”", '"carte de séjour"'),
            ("asile OR séjour", "(asile OR séjour)"),
            ("asile AND séjour", "asile séjour"),
            ("victimes NOT mineurs", "victimes -mineurs"),
            ("victimes -mineurs", "victimes -mineurs"),
            ('victimes -"carte de séjour"', 'victimes -"carte de séjour"'),
            ("(asile OR séjour) mineurs", "(asile OR séjour) mineurs"),
            ("protect*", "protect*"),
            ("l'exploitation", "exploitation"),
            ("article L.511-4", 'article "L 511 4"'),
            ("*tion", "tion"),  # a leading glob is dropped, not an error
        ],
    )
    def test_meaning(self, typed, meaning):
        assert understood(typed) == meaning

    @pytest.mark.parametrize("word", sorted(OPERATORS))
    def test_every_operator_spelling(self, word):
        node = parse_query(f"asile {word} séjour")
        expected = {"AND": AllOf, "OR": AnyOf, "NOT": AllOf}[OPERATORS[word]]
        assert isinstance(node, expected)
        if OPERATORS[word] == "NOT":
            assert node.excluded == (Word("séjour"),)

    def test_lower_case_operators_are_words(self):
        # « et », « ou » written in lower case are plain (stop) words.
        assert understood("asile ou séjour") == "asile séjour"

    def test_glob_flag(self):
        assert parse_query("exploit*") == Word("exploit*", glob=True)

    def test_phrase_keeps_its_words(self):
        assert parse_query('"traite des êtres humains"') == Phrase(
            ("traite", "des", "êtres", "humains")
        )

    @pytest.mark.parametrize(
        "typed", ['"carte de séjour', "(asile OR séjour", "asile)) séjour", "asile AND"]
    )
    def test_lenient_on_form(self, typed):
        assert "asile" in understood(typed) or "carte" in understood(typed)


class TestErrors:
    @pytest.mark.parametrize(
        ("typed", "fragment"),
        [
            ("", "Saisissez"),
            ("   ", "Saisissez"),
            ("le de la", "mots trop courants"),
            ("-mineurs", "seulement exclure"),
            ("NOT asile", "seulement exclure"),
            ("p*", "au moins deux lettres"),
            ("x" * (MAX_QUERY_LENGTH + 1), "trop longue"),
            (" ".join(f"mot{i}" for i in range(60)), "trop longue"),
        ],
    )
    def test_french_message(self, typed, fragment):
        with pytest.raises(QuerySyntaxError) as raised:
            parse_query(typed)
        assert fragment in translate(raised.value.message, target_language="fr")
