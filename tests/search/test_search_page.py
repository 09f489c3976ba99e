"""``@@recherche``, the Classic search page, over real HTTP on the corpus:
French, without JavaScript, facets with counts, snippets, paging, jumps."""

from lxml import html as lxml_html
from urllib.parse import urljoin

import pytest
import requests


TIMEOUT = 60


@pytest.fixture
def page_url(corpus_functional):
    return f"{corpus_functional['portal'].absolute_url()}/@@recherche"


def fetch(url, **params):
    return requests.get(url, params=params, timeout=TIMEOUT, allow_redirects=False)


def tree(response):
    return lxml_html.fromstring(response.text)


def results(document) -> list:
    return document.cssselect("li.traite-search-item")


class TestForm:
    def test_empty_page_is_a_search_form(self, page_url):
        response = fetch(page_url)
        assert response.status_code == 200
        document = tree(response)
        (form,) = document.cssselect("form.traite-search-form")
        assert form.get("role") == "search"
        assert form.get("method") == "get"
        (field,) = form.cssselect("input[name=q]")
        (label,) = document.cssselect(f"label[for={field.get('id')}]")
        assert "Rechercher" in label.text_content()
        assert field.get("aria-describedby") == "recherche-aide"
        assert not results(document)

    def test_every_field_has_a_label(self, page_url):
        document = tree(fetch(page_url, q="victimes"))
        for field in document.cssselect(
            "form.traite-search-form input, form.traite-search-form select"
        ):
            if field.get("type") in ("hidden", "submit"):
                continue
            assert document.cssselect(f"label[for='{field.get('id')}']"), field.get(
                "name"
            )


class TestResults:
    def test_results_snippets_and_facets(self, page_url):
        document = tree(fetch(page_url, q="hébergement des victimes"))
        heading = document.get_element_by_id("recherche-resultats")
        assert heading.get("aria-live") == "polite"
        assert "résultat" in heading.text_content()
        items = results(document)
        assert items
        assert items[0].cssselect("h3 a")[0].get("href").endswith("/mesure-19")
        marks = [
            m.text_content().lower() for m in document.cssselect(".traite-snippet mark")
        ]
        assert "hébergement" in marks
        sources = {i.get("data-source") for i in items}
        assert {"official", "proposal"} <= sources
        legends = [
            f.cssselect("legend")[0].text_content()
            for f in document.cssselect("fieldset.traite-facet")
        ]
        assert "Type de contenu" in legends
        assert "État de publication" not in legends  # anonymous

    def test_facet_checkbox_filters_without_javascript(self, page_url):
        document = tree(fetch(page_url, q="victimes"))
        (box,) = document.cssselect("input[name=type][value=Measure]")
        count = int(document.cssselect(f"label[for={box.get('id')}] .badge")[0].text)
        # What the browser sends when the box is ticked and the form submitted.
        filtered = tree(
            fetch(page_url, q="victimes", type="Measure", sort_on="relevance")
        )
        heading = filtered.get_element_by_id("recherche-resultats").text_content()
        assert str(count) in heading
        (checked,) = filtered.cssselect("input[name=type][value=Measure]")
        assert checked.get("checked") == "checked"
        (remove,) = filtered.cssselect(".traite-search-selected a")
        unfiltered = tree(fetch(urljoin(page_url, remove.get("href"))))
        assert not unfiltered.cssselect("input[name=type][checked]")

    def test_paging(self, page_url):
        document = tree(fetch(page_url, q="victimes"))
        links = document.cssselect("nav .pagination a")
        assert len(links) > 2
        assert links[0].get("aria-current") == "page"
        second = tree(fetch(urljoin(page_url, links[1].get("href"))))
        first_ids = {
            a.get("href") for a in document.cssselect("li.traite-search-item h3 a")
        }
        second_ids = {
            a.get("href") for a in second.cssselect("li.traite-search-item h3 a")
        }
        assert second_ids
        assert first_ids.isdisjoint(second_ids)

    def test_identifier_jumps_to_the_item(self, page_url):
        response = fetch(page_url, q="article L.511-4")
        assert response.status_code == 302
        assert response.headers["Location"].endswith(
            "/textes/droit-national/ceseda-l511-4"
        )
        listed = tree(fetch(page_url, q="article L.511-4", tous=1))
        assert "Identifiant reconnu" in listed.text_content()

    def test_synonyms_are_shown(self, page_url):
        document = tree(fetch(page_url, q="OQTF"))
        assert (
            "obligation de quitter le territoire"
            in document.cssselect(".traite-search-expansions")[0].text_content()
        )
        assert not document.cssselect("a[href$='@@legal-search-controlpanel']")

    @pytest.mark.parametrize(
        ("q", "fragment"),
        [("", "Saisissez"), ("de la", "mots trop courants"), ("-asile", "exclure")],
    )
    def test_french_message(self, page_url, q, fragment):
        response = fetch(page_url, q=q)
        assert response.status_code == 400
        (alert,) = tree(response).cssselect("[role=alert]")
        assert fragment in alert.text_content()
