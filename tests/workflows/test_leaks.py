"""Nothing unpublished reaches anyone who may not view it, by any path.

For every non-public item and every subject who may not view it, the item's
unique word (in its title and description) and its URL are absent from
search results and snippets, listings, navigation, breadcrumbs, history,
relations, RSS and the sitemap; the public counterparts are present, so no
test passes on an empty answer.
"""

from matrix_http import COMMON_WORD
from matrix_http import ITEMS
from matrix_http import JSON
from matrix_http import search_text
from matrix_http import session_for
from matrix_http import TIMEOUT
from matrix_http import unique_word
from plone import api
from traite_portal.workflows.matrix import may_view
from traite_portal.workflows.matrix import REVIEW_WORKFLOWS
from traite_portal.workflows.matrix import SUBJECTS
from traite_portal.workflows.matrix import WORKFLOWS

import gzip
import json
import pytest


WORKFLOW_OF = {t: w for w in WORKFLOWS for t in w.types}
PUBLIC_STATES = {"validated", "published", "repealed"}
HIDDEN = [
    (role, item)
    for role in SUBJECTS
    for item in ITEMS
    if not may_view(WORKFLOW_OF[item[0]], item[1], role, item[0])
]
# The plan's parts (one_state_workflow) are public: checked by the matrix.
REVIEWED = {t for w in REVIEW_WORKFLOWS for t in w.types}
PUBLIC = [item for item in ITEMS if item[1] in PUBLIC_STATES and item[0] in REVIEWED]
# @search is asked with every unique word ("a OR b …"), which its @id echoes.
SEARCHES = ("rest_search",)


def _hidden_id(case) -> str:
    role, (portal_type, state) = case
    return f"{role.replace(' ', '')}-{portal_type}-{state}"


def _answers(role: str, site: dict) -> dict[str, str]:
    """Every leak-prone answer one role gets, fetched once."""
    session = session_for(role)
    portal_url = site["portal_url"]

    def text(url, **kwargs) -> str:
        response = session.get(url, timeout=TIMEOUT, **kwargs)
        assert response.status_code in (200, 401), (url, response.status_code)
        if response.status_code != 200:
            return ""
        if "json" in response.headers.get("Content-Type", ""):
            # Unescaped, so that "Élément …" is found (or not) as written.
            return json.dumps(response.json(), ensure_ascii=False)
        return response.text

    answers = {
        "rest_search": text(
            f"{portal_url}/@search",
            headers=JSON,
            params={
                "SearchableText": search_text(),
                "metadata_fields": "_all",
                "b_size": 1000,
            },
        ),
        # The Classic search page shows 10 results a page, whatever b_size.
        "html_search": "".join(
            text(
                f"{portal_url}/@@search",
                params={"SearchableText": COMMON_WORD, "b_start:int": start},
            )
            for start in range(0, len(ITEMS), 10)
        ),
        # Plone's search feed lists the site root's children only (none of
        # the matrix items): checked for absence, not presence.
        "search_rss": text(
            f"{portal_url}/search_rss", params={"SearchableText": COMMON_WORD}
        ),
    }
    for name, url in site["containers"].items():
        answers[f"listing {name}"] = text(
            url, headers=JSON, params={"b_size": 1000, "metadata_fields": "_all"}
        )
        answers[f"listing_view {name}"] = text(
            f"{url}/@@listing_view", params={"b_size": 1000}
        )
        answers[f"navigation {name}"] = text(
            f"{url}/@navigation",
            headers=JSON,
            params={"expand.navigation.depth": 6},
        )
        for feed in ("RSS", "rss.xml", "atom.xml"):
            answers[f"{feed} {name}"] = text(f"{url}/{feed}")
    # The sitemap is an index of pages (sitemap.xml.gz?page=1…): read both.
    answers["sitemap"] = ""
    for params in ({}, {"page": 1}):
        sitemap = session.get(
            f"{portal_url}/sitemap.xml.gz", params=params, timeout=TIMEOUT
        )
        assert sitemap.status_code == 200
        answers["sitemap"] += gzip.decompress(sitemap.content).decode("utf-8")
    for item in PUBLIC:
        url = site["urls"][item]
        answers[f"history {item}"] = text(f"{url}/@history", headers=JSON)
        answers[f"breadcrumbs {item}"] = text(f"{url}/@breadcrumbs", headers=JSON)
    return answers


@pytest.fixture(scope="class")
def site(served_portal):
    """URLs of the matrix items and containers, and every role's answers."""
    with api.env.adopt_roles(["Manager"]):
        urls = {}
        for portal_type, state in ITEMS:
            (brain,) = api.content.find(id=f"{portal_type}-{state}")
            urls[portal_type, state] = brain.getURL()
    portal_url = served_portal.absolute_url()
    data = {
        "portal_url": portal_url,
        "urls": urls,
        "containers": {
            "measure": f"{portal_url}/plan/ch/m",
            "library": f"{portal_url}/textes",
        },
    }
    data["answers"] = {role: _answers(role, data) for role in SUBJECTS}
    return data


class TestNoLeakByAnyPath:
    @pytest.mark.parametrize("case", HIDDEN, ids=_hidden_id)
    def test_hidden_item_is_absent(self, site, case):
        role, item = case
        word = unique_word(*item)
        url = site["urls"][item]
        for path, text in site["answers"][role].items():
            # Besides the bare word: the title, the description (the search
            # snippet) and the URL.
            if path not in SEARCHES:
                assert word not in text, path
            assert f"Élément {word}" not in text, path
            assert f"Résumé {word}" not in text, path
            assert f'{url}"' not in text, path
            assert f"{url}<" not in text, path

    @pytest.mark.parametrize("case", HIDDEN, ids=_hidden_id)
    def test_hidden_item_history_is_refused(self, site, case):
        role, item = case
        response = session_for(role).get(
            f"{site['urls'][item]}/@history", headers=JSON, timeout=TIMEOUT
        )
        assert response.status_code == 401
        assert unique_word(*item) not in response.text

    @pytest.mark.parametrize("role", SUBJECTS)
    def test_public_items_are_present(self, site, role):
        answers = site["answers"][role]
        for item in PUBLIC:
            word = unique_word(*item)
            for path in ("rest_search", "html_search"):
                assert f"Élément {word}" in answers[path], (path, item)
            container = "measure" if item[0] == "Proposal" else "library"
            for path in ("listing", "listing_view", "RSS", "rss.xml", "atom.xml"):
                assert f"Élément {word}" in answers[f"{path} {container}"], path
            assert f"Élément {word}" in answers[f"breadcrumbs {item}"]
            assert f"{site['urls'][item]}</loc>" in answers["sitemap"]
