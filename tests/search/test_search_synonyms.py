"""Synonyms, acronyms and common names: the table, its lines, the expansion."""

from traite_portal.search.analysis import analyse_text
from traite_portal.search.query.nodes import describe
from traite_portal.search.query.nodes import positive_leaves
from traite_portal.search.query.synonyms import expand_query
from traite_portal.search.query.synonyms import parse_line
from traite_portal.search.query.synonyms import SynonymLineError
from traite_portal.search.query.syntax import parse_query
from traite_portal.search.settings import check_synonym_line
from traite_portal.search.settings import ISearchSettings
from traite_portal.search.synonyms_table import DEFAULT_SYNONYMS
from traite_portal.search.synonyms_table import synonym_lines
from zope.interface import Invalid

import pytest


LINES = synonym_lines()


def widened(text: str, lines=LINES) -> str:
    return describe(expand_query(parse_query(text), lines)[0])


class TestTable:
    def test_registry_default_is_the_table(self):
        assert ISearchSettings["synonyms"].default == LINES

    @pytest.mark.parametrize("line", LINES)
    def test_every_default_line_is_valid(self, line):
        assert check_synonym_line(line)

    @pytest.mark.parametrize("group", DEFAULT_SYNONYMS, ids=lambda g: g[0])
    def test_every_expression_finds_the_others(self, group):
        wanted = {tuple(analyse_text(e)) for e in group}
        for expression in group:
            tree, _ = expand_query(parse_query(expression), LINES)
            found = {tuple(analyse_text(leaf.text)) for leaf in positive_leaves(tree)}
            found.add(tuple(analyse_text(expression)))
            assert wanted <= found, (expression, describe(tree))

    @pytest.mark.parametrize("line", ["ONG", "ONG,", "=> associations", "le, la"])
    def test_bad_lines_are_refused_in_french(self, line):
        with pytest.raises(Invalid) as raised:
            check_synonym_line(line)
        assert "Ligne illisible" in raised.value.args[0].default

    def test_comments_and_blank_lines(self):
        assert parse_line("# commentaire") is None
        assert parse_line("   ") is None
        with pytest.raises(SynonymLineError):
            parse_line("seul")


class TestExpansion:
    def test_acronym(self):
        assert widened("OQTF") == '(OQTF OR "obligation de quitter le territoire")'

    def test_common_name_in_a_longer_query(self):
        text = widened("convention de Varsovie article 10")
        assert text.startswith("(convention Varsovie OR ")
        assert text.endswith(" article 10")

    def test_case_accents_and_inflection_do_not_matter(self):
        assert widened("ong") == widened("ONG").replace("ONG", "ong", 1)
        assert "associations" in widened("ONG")
        assert "ONG" in widened("association")

    def test_one_way_rule(self):
        lines = ["MNA => mineurs non accompagnés"]
        assert "mineurs non accompagnés" in widened("MNA", lines)
        assert widened("mineurs non accompagnés", lines) == "mineurs non accompagnés"

    def test_excluded_words_are_not_widened(self):
        assert widened("asile -OQTF") == "asile -OQTF"

    def test_globs_are_not_widened(self):
        assert widened("ONG*") == "ONG*"

    def test_expansions_are_reported(self):
        _, expansions = expand_query(parse_query("OFPRA hébergement"), LINES)
        typed = [describe(original) for original, _ in expansions]
        assert typed == ["OFPRA", "hébergement"]
