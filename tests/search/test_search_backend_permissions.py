"""No search-server answer reveals what its caller may not see.

On OpenSearch and on Elasticsearch (real servers), a site with an item in
every state of both workflows and two legal texts outside their effective
range: each subject queries ``@legal-search`` over HTTP. The items are
exactly those Plone lets them View (so nothing passes on an empty answer); no
other item's unique word shows in a snippet or a facet; the facet counts
equal the catalog backend's for the same user and those computed from the
items they may View; the workflow-state facet shows only to those who may
see an unpublished item; a query made of hidden words finds and counts
nothing. A change the index has not received yet (the indexing worker's
delay) never lets the index's older, wider permissions show.
"""

from plone import api
from search_people import COMMON_WORD
from search_people import PATHS
from search_people import session_for
from search_people import SUBJECTS
from search_people import WORKFLOWS
from search_perm_site import build_site
from search_perm_site import expected_answer
from search_perm_site import sees_unpublished
from search_perm_site import viewable
from search_servers import ENGINES
from search_servers import index_site
from search_servers import require
from search_servers import use
from traite_portal.search.backends.server.backend import mark_up
from traite_portal.search.facets import PUBLIC_STATES
from traite_portal.search.indexing.outbox import drain
from traite_portal.search.indexing.target import target_for

import json
import pytest
import transaction


TIMEOUT = 60
UNSENT = "zorgunsent"
# The searches every subject makes: the common word alone, and with a
# selection (one facet, then the restricted one with every hidden state).
FILTERS = (
    {},
    {"type": ["Circular"]},
    {
        "state": sorted(
            {s for w in WORKFLOWS.values() for s in w.states} - PUBLIC_STATES
        )
    },
)


@pytest.fixture(scope="class")
def site(functional_class, create_measure):
    """The site, committed, indexed on demand by each server (once)."""
    functional_class.testSetUp()
    try:
        portal = functional_class["portal"]
        built = build_site(portal, create_measure)
        transaction.commit()
        yield {"portal": portal, "site": built, "indexed": set()}
    finally:
        functional_class.testTearDown()


def serve(site, engine: str, monkeypatch) -> None:
    """Make the portal search ``engine``, the site indexed there."""
    settings = require(engine)
    if engine not in site["indexed"]:
        index_site(site["portal"], settings)
        target = target_for(site["portal"], settings)
        target.engine.refresh(target.alias)
        site["indexed"].add(engine)
    use(monkeypatch, settings)


def search(site, subject: str, **params) -> dict:
    response = session_for(subject).get(
        f"{site['site'].portal_url}/@legal-search",
        params={"b_size": 100, **params},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:500]
    return response.json()


def counts(answer: dict) -> dict:
    """{facet: {value: count}} without the zero counts of selected values."""
    return {
        facet["name"]: {
            str(v["value"]): v["count"] for v in facet["values"] if v["count"]
        }
        for facet in answer["facets"]
    }


def test_every_workflow_state_is_on_the_site():
    for portal_type, workflow in WORKFLOWS.items():
        assert set(PATHS[portal_type]) == set(workflow.states), portal_type


@pytest.mark.parametrize("engine", ENGINES)
class TestServerPermissions:
    @pytest.mark.parametrize("subject", SUBJECTS)
    def test_items_snippets_and_facets(self, site, engine, subject, monkeypatch):
        portal = site["portal"]
        seen = viewable(portal, subject)
        matching = {
            b.UID
            for b in portal.portal_catalog.unrestrictedSearchResults(
                SearchableText=COMMON_WORD
            )
        }
        hidden = [i.word for i in site["site"].items if i.uid not in seen]
        for filters in FILTERS:
            use(monkeypatch, None)
            catalog = search(site, subject, q=COMMON_WORD, **filters)
            serve(site, engine, monkeypatch)
            answer = search(site, subject, q=COMMON_WORD, **filters)
            assert answer["backend"] == engine, answer["backend_status"]
            uids, facets = expected_answer(portal, seen, matching, filters)
            assert {i["UID"] for i in answer["items"]} == uids, filters
            assert answer["items_total"] == len(uids)
            assert counts(answer) == counts(catalog) == facets, filters
            assert ("state" in facets) is sees_unpublished(seen)
            shown = json.dumps([answer["items"], answer["facets"]], ensure_ascii=False)
            assert [word for word in hidden if word in shown.lower()] == []
            if not filters:
                assert uids  # nothing passes on an empty answer
                assert any(item["snippets"] for item in answer["items"])
        if hidden:
            answer = search(site, subject, q=" OR ".join(hidden))
            assert answer["backend"] == engine
            assert (answer["items_total"], answer["items"]) == (0, [])
            assert counts(answer) == {name: {} for name in counts(answer)}

    def test_unsent_change_is_not_counted(self, site, engine, monkeypatch):
        """A text sent back to draft, the index not told yet (the worker's
        delay): anonymous neither finds nor counts it; with more unsent
        changes than ``TRAITE_SEARCH_UNSENT_LIMIT``, the catalog answers."""
        portal = site["portal"]
        serve(site, engine, monkeypatch)
        target = target_for(portal, require(engine))
        analysis = target.current_analysis()
        with api.env.adopt_roles(["Manager"]):
            text = api.content.create(
                portal["textes"], "Circular", title=UNSENT, ministry="min-justice"
            )
            api.content.transition(obj=text, to_state="published")
        transaction.commit()
        drain(portal, target, analysis)
        target.engine.refresh(target.alias)
        assert search(site, "Anonymous", q=UNSENT)["items_total"] == 1
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=text, transition="reject")
        transaction.commit()
        target.engine.refresh(target.alias)
        public_there = [
            {"ids": {"values": [text.UID()]}},
            {"term": {"allowedRolesAndUsers": "Anonymous"}},
        ]
        assert (
            target.engine.count(target.alias, {"bool": {"filter": public_there}}) == 1
        )
        try:
            answer = search(site, "Anonymous", q=UNSENT)
            assert answer["backend"] == engine
            assert (answer["items_total"], counts(answer)["type"]) == (0, {})
            # More unsent changes than the limit: the catalog answers.
            monkeypatch.setenv("TRAITE_SEARCH_UNSENT_LIMIT", "0")
            answer = search(site, "Anonymous", q=UNSENT)
            assert answer["backend_status"]["fallback_from"] == engine
            assert answer["items_total"] == 0
        finally:
            mark_up(require(engine))
            with api.env.adopt_roles(["Manager"]):
                api.content.delete(text)
            transaction.commit()
            drain(portal, target, analysis)
