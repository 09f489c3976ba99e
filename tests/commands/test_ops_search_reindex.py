"""`make search-reindex` on the session's instance, against a real OpenSearch,
as README « Search server » and docs/search.md say: a new index filled with
the site's items (progress on a terminal, a summary line), the alias swapped
to it, the previous index dropped; without a server configured, a French
error and status 2.
"""

from instance_commands import environment
from instance_commands import ROOT

import os
import pytest
import re
import requests
import sys


# The search tests' helper starts the server once per machine (file lock) and
# stops it when its last user is done: the same module object as theirs.
sys.path.insert(0, str(ROOT / "tests" / "search"))
import search_server_process  # noqa: E402


URL = f"http://127.0.0.1:{os.environ.get('OPENSEARCH_PORT', '9250')}"
PREFIX = f"ops{os.getpid()}"
ALIAS = f"{PREFIX}-traite"


@pytest.fixture(scope="module")
def opensearch():
    try:
        search_server_process.ensure_started("opensearch")
    except RuntimeError as error:
        if os.environ.get("TRAITE_SEARCH_TESTS") == "skip":
            pytest.skip(f"OpenSearch indisponible : {error}")
        raise
    yield URL
    for name in requests.get(f"{URL}/_cat/indices/{PREFIX}-*?format=json").json():
        requests.delete(f"{URL}/{name['index']}", timeout=60)
    search_server_process.release_all()


def _reindex(instance, **variables):
    env = environment({"TRAITE_SEARCH_INDEX_PREFIX": PREFIX, **variables})
    return instance.make("search-reindex", env=env)


def _behind_alias() -> list[str]:
    answer = requests.get(f"{URL}/_alias/{ALIAS}", timeout=60).json()
    return sorted(answer)


def test_reindex_fills_a_new_index_and_swaps_the_alias(instance, opensearch):
    first = _reindex(instance, TRAITE_SEARCH_URL=opensearch)
    assert first.returncode == 0, first.stdout + first.stderr
    summary = re.search(
        r"Index (\S+) : (\d+) éléments .* alias (\S+) basculé", first.stdout
    )
    assert summary, first.stdout
    index, count, alias = summary.group(1), int(summary.group(2)), summary.group(3)
    assert alias == ALIAS
    assert _behind_alias() == [index]
    requests.post(f"{URL}/{ALIAS}/_refresh", timeout=60)
    stored = requests.get(f"{URL}/{ALIAS}/_count", timeout=60).json()["count"]
    assert stored == count > 0

    second = _reindex(instance, TRAITE_SEARCH_URL=opensearch)
    assert second.returncode == 0, second.stdout + second.stderr
    again = re.search(r"Index (\S+) : (\d+) éléments", second.stdout)
    assert again.group(1) != index
    assert int(again.group(2)) == count
    assert _behind_alias() == [again.group(1)]
    indexes = requests.get(f"{URL}/_cat/indices/{PREFIX}-*?format=json").json()
    assert [entry["index"] for entry in indexes] == [again.group(1)]  # old dropped


def test_without_a_server_it_says_so(instance):
    result = _reindex(instance, TRAITE_SEARCH_URL="")
    assert result.returncode != 0
    assert "aucun serveur de recherche configuré" in result.stderr
