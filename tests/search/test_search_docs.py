"""docs/search.md says what the code does: its tables are the code's tables,
its syntax examples parse as it says, its REST example answers as shown."""

from pathlib import Path
from traite_portal.search import ranking
from traite_portal.search.backends.server import query as server_query
from traite_portal.search.backends.server import rerank
from traite_portal.search.facets import FACETS
from traite_portal.search.identifiers.kinds import KINDS
from traite_portal.search.query.nodes import describe
from traite_portal.search.query.syntax import parse_query
from traite_portal.search.synonyms_table import DEFAULT_SYNONYMS
from urllib.parse import urlsplit

import json
import pytest
import re
import requests


ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "search.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return DOC.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str, header: str) -> list[list[str]]:
    """Cells of the table whose header line starts with ``header``."""
    lines = text.split(header, 1)[1].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


class TestTables:
    def test_synonyms(self):
        rows = table_rows(DOC, "| expressions found for one another |")
        assert [tuple(r[0].split(" ; ")) for r in rows] == list(DEFAULT_SYNONYMS)

    def test_facets(self):
        rows = table_rows(section("Facets"), "| parameter | catalog index |")
        assert [(r[0].strip("`"), r[1].strip("`"), r[2]) for r in rows] == [
            (f.name, f.index, f.label.default) for f in FACETS
        ]
        assert [bool(r[4]) for r in rows] == [f.restricted for f in FACETS]

    def test_identifier_kinds(self):
        rows = table_rows(section("Identifiers"), "| kind | what | typed as |")
        assert [(r[0].strip("`"), r[1]) for r in rows] == [
            (k.name, k.label.default) for k in KINDS
        ]
        for row, kind in zip(rows, KINDS, strict=True):
            assert re.findall(r"« ([^»]+) »", row[2]) == list(kind.examples)

    @pytest.mark.parametrize(
        "row", table_rows(section("Query syntax"), "| typed | understood as |")
    )
    def test_syntax_examples(self, row):
        typed, meaning = (re.match(r"`([^`]*)`", cell)[1] for cell in row)
        assert describe(parse_query(typed)) == meaning

    def test_ranking_numbers(self):
        text = section("Ranking and sorting")
        weights = ranking.FIELD_WEIGHTS
        assert f"title weighs {weights['Title']}" in text
        assert f"description {weights['Description']}" in text
        assert f"text {weights['SearchableText']}" in text
        assert f"({ranking.IDENTIFIER_RANK} times" in text
        assert f"texts weigh {ranking.TYPE_AUTHORITY['Measure'] / 10:g}" in text
        assert f"annexes {ranking.TYPE_AUTHORITY['Annex'] / 10:g}" in text
        assert f"proposals {ranking.TYPE_AUTHORITY['Proposal'] / 10:g}" in text
        assert f"the {ranking.PROXIMITY_CANDIDATES} best" in text
        assert ranking.PROXIMITY_BONUS == 50  # « half its score »
        assert "eight times" in text
        assert ranking.PROXIMITY_SPAN == 8
        assert [f"`{s}`" in text for s in ranking.SORTS] == [True] * len(ranking.SORTS)

    def test_server_rerank_numbers(self):
        text = " ".join(section("Backends").split())
        assert f"`RERANK_DEPTH` ({rerank.RERANK_DEPTH}, or the page's end" in text
        assert f"the {ranking.PROXIMITY_CANDIDATES} best" in text
        assert f"({server_query.PROXIMITY_LEVELS} distance levels" in text
        assert f"grows with the {rerank.RERANK_DEPTH} candidates" in text


def _same_shape(documented, actual, where="answer"):
    """The documented JSON is a faithful excerpt of the actual answer."""
    if isinstance(documented, dict):
        for key, value in documented.items():
            assert key in actual, f"{where}.{key}"
            _same_shape(value, actual[key], f"{where}.{key}")
    elif isinstance(documented, list):
        assert actual or not documented, where
        if documented:
            _same_shape(documented[0], actual[0], f"{where}[0]")
    elif where.rsplit(".", 1)[-1] == "@id":
        # Another host and site id; the same path inside the site.
        assert (
            urlsplit(actual).path.split("/", 2)[2]
            == urlsplit(documented).path.split("/", 2)[2]
        )
    elif documented != "…" and where.rsplit(".", 1)[-1] not in {
        "UID",
        "score",
        "count",
    }:
        assert documented == actual, where


class TestRestExample:
    def test_curl_example(self, corpus_functional):
        text = section("REST API: `@legal-search`")
        url = re.search(r"'(http://localhost:8080/traite/@legal-search\?[^']+)'", text)[
            1
        ]
        example = json.loads(re.search(r"```json\n(.*?)```", text, re.S)[1])
        portal_url = corpus_functional["portal"].absolute_url()
        actual = requests.get(
            url.replace("http://localhost:8080/traite", portal_url),
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()
        _same_shape(example, actual)


class TestReadme:
    def test_readme_points_to_the_search(self):
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        for fragment in (
            "docs/search.md",
            "@legal-search",
            "@@recherche",
            "Recherche : synonymes",
        ):
            assert fragment in readme
