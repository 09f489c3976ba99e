"""A search server that does not answer: ``@legal-search`` and ``@@recherche``
serve the catalog's answer and say so in French; the portal keeps working."""

from search_servers import ENGINES
from search_servers import settings_for
from search_servers import use
from traite_portal.search.backends.server import backend as server_backend

import pytest
import requests
import socket


TIMEOUT = 60


def closed_port() -> int:
    """A port nothing listens on (asked of the OS, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def portal_url(corpus_functional):
    return corpus_functional["portal"].absolute_url()


@pytest.fixture(params=ENGINES)
def dead_server(request, monkeypatch):
    """The portal set to use a server of ``engine`` that is down."""
    settings = settings_for(
        request.param, url=f"http://127.0.0.1:{closed_port()}", timeout=1.0
    )
    use(monkeypatch, settings)
    yield settings
    server_backend.mark_up(settings)


def legal_search(portal_url, **params) -> dict:
    response = requests.get(
        f"{portal_url}/@legal-search",
        params=params,
        headers={"Accept": "application/json"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:1000]
    return response.json()


class TestServerDown:
    def test_rest_answers_from_the_catalog_and_says_so(self, portal_url, dead_server):
        use_catalog = legal_search(portal_url, q="hébergement des victimes")
        status = use_catalog["backend_status"]
        assert use_catalog["backend"] == "catalog"
        assert status["fallback_from"] == dead_server.engine
        assert status["notice"] == (
            f"Le serveur de recherche ({dead_server.engine}) ne répond pas : "
            "ces résultats viennent du catalogue du portail."
        )
        assert use_catalog["items_total"] > 0
        assert use_catalog["items"][0]["snippets"]

    def test_same_items_as_the_catalog(self, portal_url, dead_server, monkeypatch):
        degraded = legal_search(portal_url, q="protection des victimes")
        use(monkeypatch, None)
        normal = legal_search(portal_url, q="protection des victimes")
        assert normal["backend_status"]["fallback_from"] is None
        assert normal["backend_status"]["notice"] is None
        assert [i["UID"] for i in degraded["items"]] == [
            i["UID"] for i in normal["items"]
        ]
        assert degraded["facets"] == normal["facets"]

    def test_search_page_shows_the_notice(self, portal_url, dead_server):
        response = requests.get(
            f"{portal_url}/@@recherche", params={"q": "victimes"}, timeout=TIMEOUT
        )
        assert response.status_code == 200
        assert "traite-search-backend-notice" in response.text
        assert (
            f"Le serveur de recherche ({dead_server.engine}) ne répond pas"
            in response.text
        )

    def test_site_keeps_working(self, portal_url, dead_server):
        home = requests.get(portal_url, timeout=TIMEOUT)
        assert home.status_code == 200
        assert "Le serveur de recherche" not in home.text
