"""``@legal-search`` over real HTTP on the corpus: shape, jump, sorts, every
facet as a filter, batching like plone.restapi, and French 400s."""

from plone import api
from traite_portal.search.facets import FACETS
from traite_portal.search.ranking import SORTS
from traite_portal.search.snippets import text_fields
from traite_portal.search.sources import SOURCES

import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json"}
TIMEOUT = 60


@pytest.fixture
def portal_url(corpus_functional):
    return corpus_functional["portal"].absolute_url()


def get(portal_url, **params):
    return requests.get(
        f"{portal_url}/@legal-search", params=params, headers=JSON, timeout=TIMEOUT
    )


def ok(portal_url, **params) -> dict:
    response = get(portal_url, **params)
    assert response.status_code == 200, response.text[:1000]
    return response.json()


def facet_values(answer, name) -> dict:
    (facet,) = [f for f in answer["facets"] if f["name"] == name]
    return {v["value"]: v["count"] for v in facet["values"]}


class TestAnswer:
    def test_shape(self, portal_url):
        answer = ok(portal_url, q="hébergement des victimes")
        assert answer["@id"].startswith(f"{portal_url}/@legal-search")
        assert answer["backend"] == "catalog"
        assert answer["items_total"] == len(answer["items"]) <= 25
        item = answer["items"][0]
        assert set(item) >= {"@id", "@type", "UID", "title", "review_state", "snippets"}
        assert item["snippets"][0]["html"].count("<mark>") >= 1
        assert {f["name"] for f in answer["facets"]} == {
            f.name for f in FACETS if not f.restricted
        }
        assert [s["value"] for s in answer["sort_options"]] == list(SORTS)
        assert answer["jump"] is None
        assert answer["query"]["expansions"][0]["typed"] == "hébergement"

    def test_compact_json(self, portal_url):
        """Not indented: encoded by ``json``'s C encoder."""
        response = get(portal_url, q="hébergement des victimes")
        assert response.headers["Content-Type"].startswith("application/json")
        assert "\n" not in response.text
        assert response.json()["items_total"] > 0

    def test_snippets_show_the_words_as_written(self, portal_url):
        answer = ok(portal_url, q="protéger")
        marks = " ".join(s["html"] for i in answer["items"] for s in i["snippets"])
        assert "<mark>protection</mark>" in marks.lower()
        # The words of the text (« PROTEGER » in a source title included),
        # never the stem.
        marked = {word.lower() for word in re.findall(r"<mark>(.*?)</mark>", marks)}
        assert "proteg" not in marked

    def test_passages_have_single_spaces(self, corpus_functional, portal_url):
        """A passage's line breaks, tabs and runs of spaces (the texts have
        them) are single spaces, in its plain text as in its HTML."""
        answer = ok(portal_url, q="victimes", b_size=50)
        passages = [
            text
            for item in answer["items"]
            for snippet in item["snippets"]
            for text in (snippet["text"], snippet["html"])
        ]
        assert passages
        assert not [p for p in passages if re.search(r"\s\s|[^\S ]", p)]
        texts = [
            text
            for item in answer["items"]
            for _, _, text in text_fields(api.content.get(UID=item["UID"]))
        ]
        assert any(re.search(r"\s\s|[^\S ]", text) for text in texts)

    def test_official_text_and_proposals_told_apart(self, portal_url):
        answer = ok(portal_url, q="hébergement", b_size=50)
        sources = {i["source"]: i["source_title"] for i in answer["items"]}
        assert {"official", "proposal", "legal"} <= set(sources)
        assert len(set(sources.values())) == len(sources)
        assert set(sources) <= set(SOURCES)

    def test_jump(self, portal_url):
        answer = ok(portal_url, q="mesure n° 7")
        assert answer["jump"]["@id"].endswith("/plan-action-2010/chapitre-2/mesure-7")
        assert answer["items"][0]["@id"] == answer["jump"]["@id"]
        assert answer["items"][0]["identifier_match"] is True

    def test_batching_like_plone_restapi(self, portal_url):
        first = ok(portal_url, q="victimes", b_size=5)
        assert first["items_total"] > 10
        assert len(first["items"]) == 5
        assert set(first["batching"]) >= {"@id", "first", "next", "last"}
        second = requests.get(first["batching"]["next"], headers=JSON, timeout=TIMEOUT)
        ids = {i["@id"] for i in second.json()["items"]}
        assert ids.isdisjoint({i["@id"] for i in first["items"]})

    def test_filters_alone(self, portal_url):
        answer = ok(portal_url, chapter=4, type="Measure")
        assert answer["items_total"] == 14  # measures 11 to 24
        assert {i["@type"] for i in answer["items"]} == {"Measure"}


class TestSorts:
    @pytest.mark.parametrize("sort", list(SORTS))
    def test_every_sort(self, portal_url, sort):
        answer = ok(portal_url, q="victimes", sort_on=sort, b_size=100)
        assert answer["sort_on"] == sort
        catalog = api.portal.get_tool("portal_catalog")
        uids = [i["UID"] for i in answer["items"]]
        brains = {b.UID: b for b in catalog.unrestrictedSearchResults(UID=uids)}
        if sort == "date":
            index = catalog._catalog.getIndex("search_date")
            dates = [index.getEntryForObject(brains[u].getRID(), 0) for u in uids]
            assert dates == sorted(dates, reverse=True)
        if sort == "measure":
            index = catalog._catalog.getIndex("search_measure")
            numbers = [
                min(index.getEntryForObject(brains[u].getRID(), None) or [999])
                for u in uids
            ]
            assert numbers == sorted(numbers)


class TestFacets:
    @pytest.mark.parametrize(
        "facet", [f for f in FACETS if not f.restricted], ids=lambda f: f.name
    )
    def test_every_facet_filters_to_its_count(self, portal_url, facet):
        answer = ok(portal_url, q="victimes OR traite", b_size=1)
        counts = facet_values(answer, facet.name)
        assert counts, facet.name
        value, count = next(iter(counts.items()))
        filtered = ok(
            portal_url, q="victimes OR traite", b_size=1, **{facet.name: value}
        )
        assert filtered["items_total"] == count
        assert facet_values(filtered, facet.name)[value] == count
        chosen = [
            v
            for f in filtered["facets"]
            if f["name"] == facet.name
            for v in f["values"]
            if v["selected"]
        ]
        assert [v["value"] for v in chosen] == [value]

    def test_values_of_one_facet_add_up(self, portal_url):
        answer = ok(portal_url, q="victimes")
        types = facet_values(answer, "type")
        assert sum(types.values()) == answer["items_total"]
        both = ok(portal_url, q="victimes", type=["Measure", "Proposal"])
        assert both["items_total"] == types["Measure"] + types["Proposal"]

    def test_library_titles_follow_a_renamed_library(
        self, corpus_functional, portal_url
    ):
        """Library titles are cached until the catalog changes."""

        def titles():
            answer = ok(portal_url, q="victimes OR traite")
            (facet,) = [f for f in answer["facets"] if f["name"] == "library"]
            return {v["value"]: v["title"] for v in facet["values"]}

        before = titles()
        value = next(iter(before))
        (brain,) = api.content.find(portal_type="TextLibrary", getId=value)
        assert before[value] == brain.Title
        with api.env.adopt_roles(["Manager"]):
            library = brain.getObject()
            library.title = "Bibliothèque renommée"
            library.reindexObject()
        transaction.commit()
        assert titles() == {**before, value: "Bibliothèque renommée"}

    def test_anonymous_gets_no_workflow_state(self, portal_url):
        assert "state" not in {
            f["name"] for f in ok(portal_url, q="victimes")["facets"]
        }


class TestBadInput:
    @pytest.mark.parametrize(
        ("params", "fragment"),
        [
            ({"q": ""}, "Saisissez"),
            ({}, "Saisissez"),
            ({"q": "le la les"}, "mots trop courants"),
            ({"q": "-asile"}, "seulement exclure"),
            ({"q": "e*"}, "deux lettres"),
            ({"q": "victimes", "sort_on": "titre"}, "Tri inconnu"),
            ({"q": "victimes", "b_size": 1000}, "entre 1 et 100"),
            ({"q": "victimes", "b_start": "abc"}, "nombre entier"),
            ({"q": "victimes", "chapter": "quatre"}, "Valeur invalide"),
            ({"q": "x" * 600}, "trop longue"),
        ],
    )
    def test_french_400(self, portal_url, params, fragment):
        response = get(portal_url, **params)
        assert response.status_code == 400
        # Paging is refused as traversal ends, like every service's
        # (plone.restapi's error body); the rest by the service (« error »).
        body = response.json()
        error = body.get("error", body)
        assert error["type"] == "BadRequest"
        assert fragment in error["message"]

    @pytest.mark.parametrize(
        "q", ['"', "(((", "OR OR", "))", "*", "AND NOT", "« »", "?"]
    )
    def test_nonsense_never_500(self, portal_url, q):
        assert get(portal_url, q=q).status_code in (200, 400)
