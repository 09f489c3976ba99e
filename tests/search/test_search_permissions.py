"""No search answer reveals what its caller may not see.

The same query as anonymous, as another association, as a coordinator (and,
so that nothing passes on an empty answer, as the authoring association and
a jurist) over REST and the search page: every item the workflow lets the
subject view is found, no other item, snippet or facet count shows.
"""

from search_people import build
from search_people import COMMON_WORD
from search_people import session_for
from search_people import SUBJECTS
from search_people import WORKFLOWS
from traite_portal.search.facets import PUBLIC_STATES
from traite_portal.workflows.matrix import may_view

import collections
import json
import pytest
import transaction


TIMEOUT = 60


@pytest.fixture
def site(functional, create_measure):
    site = build(functional["portal"], create_measure)
    transaction.commit()
    return site


def visible(site, subject):
    return [
        item
        for item in site.items
        if may_view(WORKFLOWS[item.portal_type], item.state, subject, item.portal_type)
    ]


def rest_answer(site, subject) -> dict:
    response = session_for(subject).get(
        f"{site.portal_url}/@legal-search",
        params={"q": COMMON_WORD, "b_size": 100},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:500]
    return response.json()


@pytest.mark.parametrize("subject", SUBJECTS)
class TestSearchPermissions:
    def test_rest_items_snippets_and_facets(self, site, subject):
        answer = rest_answer(site, subject)
        seen = visible(site, subject)
        uids = {item["UID"] for item in answer["items"]}
        assert {i.uid for i in seen} <= uids  # nothing passes on an empty answer
        assert uids - {i.uid for i in site.items} == {_measure_uid(answer)}
        body = json.dumps(
            {k: answer[k] for k in ("items", "facets")}, ensure_ascii=False
        )
        for item in site.items:
            assert (item.word in body.lower()) is (item in seen), item
        facets = {
            f["name"]: {v["value"]: v["count"] for v in f["values"]}
            for f in answer["facets"]
        }
        assert sum(facets["type"].values()) == answer["items_total"] == len(seen) + 1
        assert facets["type"].get("Circular", 0) == sum(
            i.portal_type == "Circular" for i in seen
        )
        assert sum(facets["association"].values()) == sum(
            i.portal_type == "Proposal" for i in seen
        )
        hidden_states = {i.state for i in seen} - PUBLIC_STATES
        if hidden_states:
            expected = collections.Counter(i.state for i in seen)
            expected["published"] += 1  # the measure
            assert facets["state"] == dict(expected)
        else:
            assert "state" not in facets

    def test_page_shows_the_same(self, site, subject):
        session = session_for(subject)
        session.headers["Accept"] = "text/html"
        shown = ""
        for start in (0, 10):
            page = session.get(
                f"{site.portal_url}/@@recherche",
                params={"q": COMMON_WORD, "b_start:int": start},
                timeout=TIMEOUT,
            )
            assert page.status_code == 200
            results = page.text.split('id="recherche-resultats"', 1)[1]
            shown += results.lower()
        for item in site.items:
            assert (item.word in shown) is (item in visible(site, subject)), item

    def test_a_hidden_word_finds_nothing(self, site, subject):
        for item in site.items:
            if item in visible(site, subject):
                continue
            answer = (
                session_for(subject)
                .get(
                    f"{site.portal_url}/@legal-search",
                    params={"q": item.word},
                    timeout=TIMEOUT,
                )
                .json()
            )
            assert answer["items_total"] == 0
            assert all(v["count"] == 0 for f in answer["facets"] for v in f["values"])


def _measure_uid(answer) -> str:
    (measure,) = [i["UID"] for i in answer["items"] if i["@type"] == "Measure"]
    return measure
