"""README « Search server »: its settings table is the code's, its registry
records exist with the documented defaults, and its commands do as it says."""

from pathlib import Path
from plone import api
from search_server_process import ensure_started
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.search.backends.server.settings import ENVIRONMENT
from traite_portal.search.backends.server.settings import read_settings
from traite_portal.search.backends.server.settings import REGISTRY_PREFIX

import re
import requests
import subprocess


ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### Search server", 1)[1].split("\n## ", 1)[0]


def rows() -> list[list[str]]:
    lines = SECTION.split("| variable |", 1)[1].splitlines()[2:]
    cells = []
    for line in lines:
        if not line.startswith("|"):
            break
        cells.append([c.strip().strip("`") for c in line.strip("|").split("|")])
    return cells


def commands() -> list[str]:
    block = SECTION.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#")[0].strip() for line in block.splitlines()]


def test_table_lists_every_setting():
    assert {row[0]: row[1] for row in rows()} == {
        variable: name for name, variable in ENVIRONMENT.items()
    }


def test_registry_records_have_the_documented_defaults(integration):
    for _variable, name, _what, default in rows():
        record = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}")
        expected = "" if default == "(empty)" else default
        assert str(record or "") == expected, name


def test_environment_wins_over_the_registry():
    example = re.search(r"TRAITE_SEARCH_URL=(\S+) make start", SECTION).group(1)
    settings = read_settings(
        {"TRAITE_SEARCH_URL": example, "TRAITE_SEARCH_INDEX_PREFIX": "autre"},
        registry=lambda name: {"engine": "elasticsearch"}.get(name),
    )
    assert (settings.url, settings.engine, settings.index_prefix) == (
        example,
        "elasticsearch",
        "autre",
    )
    assert settings.alias("traite") == "autre-traite"


def test_make_search_server_serves_the_documented_url():
    ensure_started("opensearch")  # started under the tests' lock, stopped at the end
    first = commands()[0]
    assert first == "make search-server"
    result = subprocess.run(
        ["make", "--no-print-directory", "search-server"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    example = re.search(r"TRAITE_SEARCH_URL=(\S+) make start", SECTION).group(1)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"opensearch répond déjà sur {example}" in result.stdout


def test_documented_url_serves_the_portal(corpus_functional, monkeypatch):
    example = re.search(r"TRAITE_SEARCH_URL=(\S+) make start", SECTION).group(1)
    settings = require("opensearch")
    assert settings.url == example
    use(monkeypatch, settings)
    index_site(corpus_functional["portal"], settings)
    answer = requests.get(
        f"{corpus_functional['portal'].absolute_url()}/@legal-search",
        params={"q": "protection des victimes"},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    assert answer["backend"] == "opensearch"
    assert answer["items_total"] > 0
