"""Search at 1,000, 10,000 and 100,000 legal texts: Plone's, ours, OpenSearch's.

At each size (``BENCH_SEARCH_SIZES``), on a test portal served over real HTTP,
with texts made of the corpus's own words (``search_corpus``), published and
searched as an anonymous visitor: p50 and p95 latency over ``QUERIES`` of
plain Plone ``@search?SearchableText=`` (the anchor), ``@legal-search`` on the
catalog and ``@legal-search`` on OpenSearch (facets and snippets, one page of
10 as ``@@recherche`` asks), and two indexing throughputs to OpenSearch: the
outbox drain of the texts just added and a full reindex of the site. The table
is printed and written into docs/benchmarks.md (``BENCH_SEARCH_DOC``) with the
issue's targets and whether they are met.
"""

from bench import search_server
from bench.doc_table import Block
from bench.doc_table import write_table
from bench.layers import hold_while_busy
from bench.layers import set_up
from bench.layers import tear_down
from bench.library_listing import fill_by_thousands
from bench.library_listing import RUNS
from bench.search_corpus import KINDS
from bench.search_corpus import nor
from bench.search_corpus import texts_of
from bench.search_targets import targets
from pathlib import Path
from plone import api
from statistics import quantiles
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.reindex import full_reindex
from traite_portal.search.indexing.target import target_for
from traite_portal.testing import FUNCTIONAL_TESTING

import os
import requests
import sys
import time
import transaction


ROOT = Path(__file__).resolve().parents[1]
SIZES = [
    int(n) for n in os.environ.get("BENCH_SEARCH_SIZES", "1000,10000,100000").split(",")
]
DOC = Path(os.environ.get("BENCH_SEARCH_DOC", ROOT / "docs" / "benchmarks.md"))
# What jurists and associations type: several words, accents, elisions,
# an acronym (widened by the synonyms), an identifier (a text's NOR).
QUERIES = (
    "victimes étrangères titre de séjour",
    "protection des mineurs non accompagnés",
    "CESEDA",
    "exploitation sexuelle des femmes",
    "formation des magistrats et des policiers",
    "hébergement sécurisé des victimes",
    "coopération internationale avec les pays d'origine",
    "indemnisation des victimes d'infractions",
    "lutte contre la traite des êtres humains",
    f"NOR {nor('NationalText', 7)}",
)
PAGE = 10  # results per page of @@recherche
BLOCK = Block(
    "bench-search",
    "## Search (`make bench-search`)\n\n",
    f"latency in ms over {len(QUERIES)} queries × {RUNS} runs each, warm; "
    "indexing in texts per second",
)


# column, endpoint, query parameter, other parameters, backend (None: Plone's)
CASES = (
    ("vanilla", "@search", "SearchableText", {}, None),
    ("legal catalog", "@legal-search", "q", {"b_size": PAGE}, "catalog"),
    ("legal OpenSearch", "@legal-search", "q", {"b_size": PAGE}, "opensearch"),
)


def _get(session, url: str, params: dict, backend: str | None) -> tuple[float, int]:
    """(ms, items found) of one search; ``backend`` must be the one that
    answered ``@legal-search`` (an answer of the catalog after a timeout of
    the server would time the wrong thing)."""
    began = time.perf_counter()
    response = session.get(url, params=params, timeout=600)
    seconds = time.perf_counter() - began
    response.raise_for_status()
    data = response.json()
    if backend is not None:
        status = data["backend_status"]
        if data["backend"] != backend or status.get("fallback_from"):
            raise RuntimeError(f"{backend} attendu, réponse : {status}")
    return seconds * 1000, data["items_total"]


def latency(session, url: str, key: str, extra: dict, backend) -> tuple:
    """(p50, p95) in ms of every query, each warmed then run RUNS times, and
    the number of items each query found."""
    times, found = [], []
    for query in QUERIES:
        params = {key: query, **extra}
        found.append(_get(session, url, params, backend)[1])
        times.extend(_get(session, url, params, backend)[0] for _ in range(RUNS))
    cuts = quantiles(times, n=20, method="inclusive")
    return cuts[9], cuts[18], found


def searches(session, url: str, settings) -> dict[str, float]:
    """The three searches' p50 and p95 (ms); what each query found, printed."""
    row = {}
    for name, endpoint, key, extra, backend in CASES:
        search_server.use(settings if backend == "opensearch" else None)
        p50, p95, found = latency(session, f"{url}/{endpoint}", key, extra, backend)
        row[f"{name} p50"], row[f"{name} p95"] = p50, p95
        print(f"  {name}: items found per query {found}", flush=True)
    search_server.use(None)
    return row


def indexing(portal, target, added: int) -> dict[str, float]:
    """Texts per second: the outbox drain of the ``added`` texts, then a
    full reindex of the site."""
    began = time.perf_counter()
    drain(portal, target, target.current_analysis())
    drained = added / (time.perf_counter() - began)
    began = time.perf_counter()
    count = full_reindex(portal, target, progress=False)["count"]
    return {
        "drain (texts/s)": drained,
        "reindex (items/s)": count / (time.perf_counter() - began),
    }


def run(portal, settings) -> list[dict]:
    """Fill, index and search at each size; the rows of the table."""
    session = requests.Session()
    session.headers.update({"Accept": "application/json"})
    url = portal.absolute_url()
    with api.env.adopt_roles(["Manager"]):
        libraries = {
            kind: api.content.create(portal, "TextLibrary", id=name, title=name)
            for kind, name in KINDS.items()
        }
    transaction.commit()  # libraries are public (one_state_workflow)
    target = target_for(portal, settings)
    full_reindex(portal, target, progress=False)  # the index and its outbox
    rows, done = [], 0
    for size in SIZES:
        began = time.perf_counter()
        for share, (kind, library) in enumerate(libraries.items()):
            # Half of the texts in each library (the first one takes the odd one).
            first, stop = ((n + 1 - share) // 2 for n in (done, size))
            fill_by_thousands(library, first, stop, texts_of(kind), "published")
        seconds = time.perf_counter() - began
        print(f"{size - done} texts created in {seconds:.0f} s", flush=True)
        hold_while_busy()  # BENCH_HOLD_PIDS: indexing and searches timed alone
        speeds = indexing(portal, target, size - done)
        rows.append({"items": size, **searches(session, url, settings), **speeds})
        row = rows[-1]
        done = size
        print(row, flush=True)
    return rows


def main() -> int:
    os.environ["TRAITE_SEARCH_WORKER"] = "off"  # the bench drains itself
    with search_server.opensearch() as settings:
        layer = FUNCTIONAL_TESTING
        set_up(layer)
        try:
            rows = run(layer["portal"], settings)
        finally:
            search_server.use(None)
            tear_down(layer)
    print(write_table(DOC, rows, BLOCK, targets(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
