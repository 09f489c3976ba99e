"""Issue 7, point 11: each request that answered 500 (or 503) is a clear 400.

One row per request of the issue, sent over HTTP to the real server; the
answer has the status and the French message of the row, and the database
committed nothing. The mail server row answers 503 (see docs/security.md).
"""

from dataclasses import dataclass
from plone import api
from sec_input_site import session_for

import pytest
import socket
import transaction


DEEP = '{"title": ' + "[" * 5000 + "]" * 5000 + "}"


@dataclass
class Row:
    """One bad request of the issue and the answer it must get."""

    id: str
    user: str | None
    method: str
    target: str  # portal, proposal, circular or measure
    path: str
    params: dict | None = None
    body: object = None  # a str is sent as is, anything else as JSON
    message: str = ""
    status: int = 400


ROWS = [
    Row("search-b_size-negative", "admin", "GET", "portal", "/@search",
        {"b_size": "-1"}, message="« b_size » vaut « -1 »"),
    Row("search-b_size-text", "admin", "GET", "portal", "/@search",
        {"b_size": "abc"}, message="« b_size » vaut « abc »"),
    Row("search-sort_on-text-index", "admin", "GET", "portal", "/@search",
        {"sort_on": "SearchableText"},
        message="« sort_on » vaut « SearchableText », un index triable"),
    Row("search-invalid-date", "admin", "GET", "portal", "/@search",
        {"created": "2010-13-45"}, message="« created » vaut « 2010-13-45 », une date"),
    Row("search-path-depth-text", "admin", "GET", "portal", "/@search",
        {"path.depth": "abc"}, message="« path.depth » vaut « abc »"),
    Row("querystring-search-query-not-a-list", "admin", "POST", "portal",
        "/@querystring-search", body={"query": "nope"},
        message="« query » doit être une liste"),
    Row("linkintegrity-unknown-uid", "admin", "GET", "portal", "/@linkintegrity",
        {"uids": "x"}, message="Identifiant inconnu : « x »"),
    Row("patch-json-nested-5000-deep", "admin", "PATCH", "proposal", "", body=DEEP,
        message="Corps JSON trop imbriqué : au plus 64 niveaux"),
    Row("patch-rich-text-number", "admin", "PATCH", "proposal", "",
        body={"text": 5},
        message="« Texte de la proposition » : valeur de type inattendu"),
    Row("patch-rich-text-data-null", "admin", "PATCH", "proposal", "",
        body={"text": {"data": None}},
        message="« Texte de la proposition » : valeur de type inattendu"),
    Row("patch-effective-1e308", "admin", "PATCH", "proposal", "",
        body={"effective": 1e308},
        message="valeur de type inattendu, un texte attendu"),
    Row("patch-circular-ministry-list", "admin", "PATCH", "circular", "",
        body={"ministry": ["min-justice"]},
        message="« Ministère émetteur » : valeur de type inattendu"),
    Row("implementation-status-status-list", "editrice", "POST", "measure",
        "/@implementation-status", body={"status": ["done"], "comment": "x"},
        message="« status » doit être un texte"),
    Row("implementation-status-malformed-json", "editrice", "POST", "measure",
        "/@implementation-status", body='{"status": "done", ',
        message="JSON attendu (erreur ligne 1"),
    Row("history-diff-superscript-two", "admin", "GET", "proposal", "/@history-diff",
        {"from": "0", "to": "²"},
        message="La version « ² » (paramètre « to ») n'existe pas"),
    Row("workflow-share-malformed-json", "auteur", "POST", "proposal",
        "/@workflow/share", body='{"comment": ',
        message="JSON attendu (erreur ligne 1"),
    Row("sharing-entries-text", "admin", "POST", "proposal", "/@sharing",
        body={"entries": "abc"}, message="« entries » doit être une liste"),
    Row("sharing-entry-without-roles", "admin", "POST", "proposal", "/@sharing",
        body={"entries": [{"id": "auteur", "type": "user"}]},
        message="« roles » est obligatoire (dans « entries[0] »)"),
    Row("lock-timeout-text", "admin", "POST", "proposal", "/@lock",
        body={"timeout": "abc"}, message="« timeout » doit être un nombre entier"),
    Row("history-revert-version-text", "admin", "PATCH", "proposal", "/@history",
        body={"version": "abc"}, message="« version » doit être un nombre entier"),
    Row("history-revert-unknown-version", "admin", "PATCH", "proposal", "/@history",
        body={"version": 99}, message="Version inconnue : voir @history"),
    Row("version-file-view-anonymous", None, "GET", "measure",
        "/@@version_file_view", {"version_id": "0"},
        message="Cette page ne montre que les versions d"),
    Row("reset-password-mail-server-down", None, "POST", "portal",
        "/@users/auteur/reset-password", body={}, status=503,
        message="Le serveur de courrier est injoignable"),
]  # fmt: skip


def closed_port() -> int:
    """A loopback port nobody listens on (the mail server is down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="class")
def site(input_site):
    """The input site, with a proposal version and the mail server down."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.email_from_address", "p@example.org")
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", closed_port())
        api.portal.get_tool("portal_repository").save(input_site.proposal)
    transaction.commit()
    # Plone writes once when it renders its first page (the portlet
    # assignments): render one before the rows, so only their writes count.
    session_for(None).get(
        input_site.measure.absolute_url(), headers={"Accept": "text/html"}, timeout=60
    )
    return input_site


def send(site, row: Row):
    targets = {
        "portal": site.portal,
        "proposal": site.proposal,
        "circular": site.circular,
        "measure": site.measure,
    }
    kwargs = {"params": row.params, "timeout": 60}
    if isinstance(row.body, str):
        kwargs["data"] = row.body.encode()
        kwargs["headers"] = {"Content-Type": "application/json"}
    elif row.body is not None:
        kwargs["json"] = row.body
    if row.path.startswith("/@@"):
        kwargs["headers"] = {"Accept": "text/html"}
    url = targets[row.target].absolute_url() + row.path
    return session_for(row.user).request(row.method, url, **kwargs)


class TestRows:
    @pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
    def test_bad_request_is_a_clear_french_error(self, site, row):
        before = site.mark()
        response = send(site, row)
        assert response.status_code == row.status, response.text[:1000]
        if response.headers["Content-Type"].startswith("application/json"):
            data = response.json()
            message = data.get("message") or data["error"]["message"]
        else:
            message = response.text.replace("&#x27;", "'").replace("&#39;", "'")
        assert row.message in message, message[:1000]
        assert "Errno" not in response.text
        assert "Traceback" not in response.text
        assert site.mark() == before, "the request committed a transaction"


def test_every_row_of_the_issue_is_covered():
    assert len(ROWS) == 23
    assert len({row.id for row in ROWS}) == len(ROWS)


class TestMailServerDown:
    def test_answer_says_when_to_retry(self, site):
        (row,) = [row for row in ROWS if row.status == 503]
        response = send(site, row)
        assert int(response.headers["Retry-After"]) > 0
        assert response.json()["type"] == "ServiceUnavailable"
