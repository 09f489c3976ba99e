"""The access-path cells of the matrix, checked over a real HTTP server.

Each role's answers are fetched once per test class (see ``matrix_http.py``);
every cell then asserts on the real answers for its item.
"""

from matrix_http import ITEMS
from matrix_http import observe
from matrix_http import unique_word
from plone import api
from traite_portal.workflows.matrix import all_cells
from traite_portal.workflows.matrix import HTTP_OPERATIONS
from traite_portal.workflows.matrix import SUBJECTS

import json
import pytest


CELLS = [c for c in all_cells() if c.operation in (*HTTP_OPERATIONS, "navigation")]


def _cell_id(cell) -> str:
    verdict = "allowed" if cell.allowed else "denied"
    role = cell.role.replace(" ", "")
    return f"{cell.portal_type}-{cell.state}-{cell.operation}-{role}-{verdict}"


@pytest.fixture(scope="class")
def site(served_portal):
    """URLs of the matrix items and containers, and every role's answers."""
    portal = served_portal
    with api.env.adopt_roles(["Manager"]):
        urls = {}
        containers = {}
        for portal_type, state in ITEMS:
            (brain,) = api.content.find(id=f"{portal_type}-{state}")
            urls[portal_type, state] = brain.getURL()
            containers[portal_type] = brain.getURL().rsplit("/", 1)[0]
    container_urls = sorted(set(containers.values()))
    answers = {
        role: observe(role, urls, container_urls, portal.absolute_url())
        for role in SUBJECTS
    }
    return {"urls": urls, "containers": containers, "answers": answers}


def _check_page(seen, item, url, word, allowed):
    answer = seen.page[item]
    if allowed:
        assert answer.status == 200
        assert word in answer.text
    else:
        assert answer.refused, (answer.status, answer.location)
        assert word not in answer.text


def _check_rest_get(seen, item, url, word, allowed):
    answer = seen.rest_get[item]
    if allowed:
        assert answer.status == 200
        assert json.loads(answer.text)["@id"] == url
    else:
        assert answer.status == 401
        assert word not in answer.text


def _check_listing(seen, container, url, word, allowed):
    listed = {i["@id"] for i in seen.listing_rest[container].items()}
    html = seen.listing_html[container]
    assert html.status == 200
    assert (url in listed) is allowed
    assert (f"Élément {word}" in html.text) is allowed
    assert (word in html.text) is allowed


def _check_rest_search(seen, url, word, allowed):
    assert seen.rest_search.status == 200
    found = seen.rest_search.items()
    assert (url in {i["@id"] for i in found}) is allowed
    assert (word in json.dumps(found)) is allowed


def _check_breadcrumbs(seen, item, url, word, allowed):
    answer = seen.breadcrumbs[item]
    if allowed:
        assert answer.status == 200
        assert answer.items()[-1] == {"@id": url, "title": f"Élément {word}"}
    else:
        assert answer.status == 401
        assert word not in answer.text


def _check_navigation(seen, container, url, word, allowed):
    answer = seen.navigation[container]
    assert answer.status == 200
    assert "M" in answer.text or "Textes" in answer.text
    assert (word in answer.text) is allowed
    assert (url in answer.text) is allowed


class TestAccessPaths:
    @pytest.mark.parametrize("cell", CELLS, ids=_cell_id)
    def test_cell(self, site, cell):
        item = (cell.portal_type, cell.state)
        url = site["urls"][item]
        container = site["containers"][cell.portal_type]
        seen = site["answers"][cell.role]
        word = unique_word(*item)
        operation = cell.operation
        if operation == "page":
            _check_page(seen, item, url, word, cell.allowed)
        elif operation == "rest_get":
            _check_rest_get(seen, item, url, word, cell.allowed)
        elif operation == "listing":
            _check_listing(seen, container, url, word, cell.allowed)
        elif operation == "rest_search":
            _check_rest_search(seen, url, word, cell.allowed)
        elif operation == "breadcrumbs":
            _check_breadcrumbs(seen, item, url, word, cell.allowed)
        else:
            _check_navigation(seen, container, url, word, cell.allowed)
