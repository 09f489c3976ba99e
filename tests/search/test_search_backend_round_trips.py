"""One request to the search server per search (docs/search.md « One round trip »).

The identifier probe rides in the search request as an aggregation: for
every query of the relevance set, as an anonymous visitor, the backend asks
the server once, and a second time only when the items the visitor may see
carry none of the query's exact identifier keys but some of its secondary
ones (told here by the catalog). Hits carry their UID from doc values.
"""

from plone import api
from plone.app.testing import logout
from relevance_set import create_fixtures
from relevance_set import load_set
from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.search.backends.server.engines import Engine
from traite_portal.search.backends.server.probe import PROBE
from traite_portal.search.identifiers.kinds import SECONDARY
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.target import target_for
from traite_portal.search.params import read_params
from traite_portal.search.pipeline import analyse
from traite_portal.search.pipeline import legal_search

import pytest
import transaction


SET = load_set()
NATIONAL_LIBRARY = "textes/droit-national"


@pytest.fixture(params=ENGINES)
def settings(request):
    return require(request.param)


@pytest.fixture
def server(corpus_functional, settings, monkeypatch):
    portal = corpus_functional["portal"]
    create_fixtures(portal, SET)
    transaction.commit()
    index_site(portal, settings)
    use(monkeypatch, settings)
    return portal


@pytest.fixture
def bodies(monkeypatch) -> list:
    """The bodies of the search requests sent to the server (each sent)."""
    sent = []
    search = Engine.search

    def recorded(self, index, body, cache=False):
        sent.append(body)
        return search(self, index, body, cache)

    monkeypatch.setattr(Engine, "search", recorded)
    return sent


def only_secondary_keys_visible(portal, keys) -> bool:
    """Whether the visitor sees items carrying secondary keys but no exact one."""
    catalog = portal.portal_catalog

    def visible(marked):
        return len(catalog.searchResults(search_identifiers=list(marked)))

    return not visible(keys) and bool(visible(k + SECONDARY for k in keys))


def test_one_request_per_search(server, bodies):
    logout()
    for entry in SET["queries"]:
        params = read_params({"q": entry["q"], "b_size": 10})
        del bodies[:]
        answer = legal_search(params)
        assert answer.result.backend != "catalog", entry["q"]
        keys = analyse(params)[2]
        second = bool(keys) and only_secondary_keys_visible(server, keys)
        assert len(bodies) == 1 + second, entry["q"]
        assert (PROBE in bodies[0]["aggs"]) == bool(keys), entry["q"]
        # Hits come with their UID from doc values, no stored field read.
        assert bodies[0]["stored_fields"] == "_none_"
        assert all(item.brain.UID for item in answer.items), entry["q"]


def article_queries(portal) -> list[str]:
    """« article <n> » for every code article an item of the catalog carries
    (as its own identifier or as one its text lists)."""
    index = portal.portal_catalog._catalog.getIndex("search_identifiers")
    prefix = "article:"
    numbers = {
        value.removeprefix(prefix).removesuffix(SECONDARY)
        for value in index.uniqueValues()
        if value.startswith(prefix)
    }
    return [f"article {number}" for number in sorted(numbers)]


@pytest.fixture
def code(server, settings):
    """A published code listing two articles that have no item of their own."""
    library = server.unrestrictedTraverse(NATIONAL_LIBRARY)
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(
            container=library,
            type="NationalText",
            id="code-d-essai",
            title="Code d'essai",
            articles=["L. 900-1", "L. 900-2"],
            text_kind="code",
        )
        if api.content.get_state(item) != "published":
            api.content.transition(item, to_state="published")
    transaction.commit()
    # Sent through the outbox: an unsent change is left out of answers.
    target = target_for(server, settings)
    drain(server, target, target.current_analysis())
    target.engine.refresh(target.alias)
    return item


def test_second_request_only_for_secondary_keys(server, code, bodies):
    """Articles only listed by a code need the hits asked again with the
    secondary keys; the item is then found by its identifier, first."""
    logout()
    queries = article_queries(server)
    twice = []
    for q in queries:
        params = read_params({"q": q, "b_size": 10})
        del bodies[:]
        answer = legal_search(params)
        keys = analyse(params)[2]
        assert len(bodies) == 1 + only_secondary_keys_visible(server, keys), q
        if len(bodies) == 2:
            twice.append(q)
            assert PROBE not in bodies[1]["aggs"]
            assert answer.items[0].by_identifier, q
    assert queries
    assert twice, "no article only listed by a code in the corpus"
