"""Core services and pages that answered 500 to bad input: each row a French 4xx,
nothing written (the rows the generated tests found; see docs/security.md)."""

from sec_input_site import session_for
from typing import NamedTuple

import json
import pytest
import transaction


class Row(NamedTuple):
    label: str
    method: str
    path: str  # after the target's URL
    body: object  # JSON body (None: none)
    status: int
    says: str  # part of the French message
    target: str = "portal"


ROWS = [
    Row("workingcopy-patch", "PATCH", "@workingcopy", {}, 404, ""),
    Row("workingcopy-delete", "DELETE", "@workingcopy", {}, 404, ""),
    Row("addons-no-action", "POST", "@addons", {}, 400, "@addons/<module>"),
    Row("registry-unknown", "PATCH", "@registry", {"nope": 1}, 400, "inconnu"),
    Row(
        "registry-wrong-type",
        "PATCH",
        "@registry",
        {"plone.smtp_port": "abc"},
        400,
        "Valeur invalide pour « plone.smtp_port »",
    ),
    Row("registry-empty", "PATCH", "@registry", None, 400, "ne peut pas être vide"),
    Row("rules-no-button", "PATCH", "@content-rules", {}, 400, "ensembles de clés"),
    Row(
        "rules-unknown",
        "PATCH",
        "@content-rules",
        {"operation": "move_up", "rule_id": "x"},
        400,
        "Règle inconnue",
    ),
    Row(
        "rules-delete",
        "DELETE",
        "@content-rules",
        {"rule_ids": ["x"]},
        400,
        "Règle inconnue",
    ),
    Row("rules-assign", "POST", "@content-rules/x", None, 400, "Règle inconnue"),
    Row("transactions-none", "PATCH", "@transactions", {}, 400, "transaction_ids"),
    Row(
        "transactions-bad-id",
        "PATCH",
        "@transactions",
        {"transaction_ids": ["abc"]},
        400,
        "Identifiant de transaction invalide",
    ),
    Row("relations-no-items", "POST", "@relations", {}, 400, "« items »"),
    Row("delete-site", "DELETE", "", None, 405, "ne peut pas être supprimé"),
]
# Pages (Accept: text/html).
PAGES = [
    Row("babel-utils", "GET", "@@babel_utils", None, 404, ""),
    Row("macros", "GET", "@@ploneform-macros", None, 404, ""),
    Row("listing-b-start", "GET", "@@folder_listing?b_start=abc", None, 400, "b_start"),
    Row("search-b-size", "GET", "@@search?b_size=-1", None, 400, "b_size"),
    Row("search-date", "GET", "@@search?created=2010-13-45", None, 400, "created"),
    Row("not-utf8", "GET", "@@search?SearchableText=%FF", None, 400, "UTF-8"),
    Row("user", "GET", "@@personal-preferences?userid=nobody", None, 400, "inconnu"),
    Row(
        "version",
        "GET",
        "@@versions_history_form?version_id=99",
        None,
        400,
        "Version inconnue",
        "proposal",
    ),
]


@pytest.mark.parametrize("row", ROWS + PAGES, ids=lambda row: row.label)
class TestCoreRows:
    def test_french_4xx_and_nothing_written(self, input_site, row):
        target = getattr(input_site, row.target)
        session = session_for("admin")
        if row in PAGES:
            session.headers["Accept"] = "text/html"
        url = f"{target.absolute_url()}/{row.path}".rstrip("/")
        mark = input_site.mark()
        response = session.request(
            row.method,
            url,
            data=None if row.body is None else json.dumps(row.body),
            headers={"Content-Type": "application/json"} if row.body else {},
            allow_redirects=False,
            timeout=60,
        )
        transaction.begin()
        assert response.status_code == row.status, response.text[:500]
        said = response.text
        if "json" in response.headers.get("Content-Type", ""):
            said = response.json().get("message", "")
        assert row.says in said, response.text[:500]
        assert input_site.written_since(mark) == []
