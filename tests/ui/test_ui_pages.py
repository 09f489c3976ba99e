"""Every page of the portal's types, for a visitor and a member: it renders,
shows readable titles and none of Dexterity's internal fields."""

from plone import api
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from ui_site import add_member
from ui_site import content_text
from ui_site import fetch
from ui_site import html
from ui_site import INTERNAL

import pytest


@pytest.fixture
def site(corpus_functional):
    portal = corpus_functional["portal"]
    return portal, add_member(portal)


def _our_types(portal) -> list[str]:
    """Every portal type whose class is the add-on's (asked, not listed by hand)."""
    types = api.portal.get_tool("portal_types")
    return sorted(
        name
        for name in types.objectIds()
        if getattr(types[name], "klass", "").startswith("traite_portal.")
    )


def _one_url(portal_type: str) -> str | None:
    brains = api.content.find(portal_type=portal_type, sort_on="path", sort_limit=1)
    return brains[0].getURL() if brains else None


@pytest.mark.parametrize("who", ["anonymous", "member"])
class TestEveryPage:
    # Naming the layer keeps the corpus site for every class (one import).
    layer = CORPUS_FUNCTIONAL_TESTING

    def test_each_type_page(self, site, who):
        portal, credentials = site
        auth = credentials if who == "member" else None
        types = _our_types(portal)
        assert "Measure" in types
        assert "CourtRuling" in types
        seen = []
        for portal_type in types:
            url = _one_url(portal_type)
            if url is None:
                continue
            response = fetch(url, auth=auth)
            assert response.status_code == 200, url
            text = html(response).text_content()
            for word in INTERNAL:
                assert word not in text, (url, word)
            seen.append(portal_type)
        # The corpus has an item of every type but GRETA recommendations.
        assert len(seen) >= len(types) - 1

    def test_home_page(self, site, who):
        portal, credentials = site
        response = fetch(
            portal.absolute_url(), auth=credentials if who == "member" else None
        )
        assert response.status_code == 200
        page = html(response)
        (form,) = page.xpath('//*[@id="content"]//form[@role="search"]')
        assert form.get("action") == f"{portal.absolute_url()}/@@recherche"
        assert form.get("method") == "get"
        assert form.xpath('.//input[@name="q"]')
        text = content_text(response)
        assert "Le plan en un coup d'œil" in text
        assert "Dernières propositions validées" in text
        assert "Conventions et protocoles" in text
        logo = page.xpath('//*[@id="portal-logo"]')[0]
        (src,) = logo.xpath(".//img/@src")
        assert src.endswith("++resource++traite_portal/logo.svg")
        assert fetch(src).headers["Content-Type"].startswith("image/svg+xml")
        # The site's name (the distribution's title on a real site) beside it.
        title = api.portal.get_registry_record("plone.site_title")
        assert title in logo.text_content()


class TestTitles:
    # Naming the layer keeps the corpus site for every class (one import).
    layer = CORPUS_FUNCTIONAL_TESTING

    def test_measure_page_title_and_navigation(self, site):
        portal, _credentials = site
        response = fetch(f"{portal.absolute_url()}/plan-action-2010/chapitre-4")
        page = html(response)
        (heading,) = page.xpath("//h1")
        assert heading.text_content().strip() == "Protéger les victimes"
        text = content_text(response)
        assert "Étendre la durée de la période de réflexion" in text
        assert "ETENDRE" not in page.text_content()

    def test_measure_page_blocks(self, site):
        portal, _credentials = site
        url = f"{portal.absolute_url()}/plan-action-2010/chapitre-4/mesure-12"
        response = fetch(url)
        page = html(response)
        facts = page.xpath('//section[contains(@class,"traite-header-block")]//dt')
        labels = [dt.text_content().strip() for dt in facts]
        assert labels[:3] == ["Numéro", "Chapitre", "Responsables"]
        side = page.xpath('//div[@class="traite-side-by-side"]/section')
        assert len(side) == 2
        proposals = side[1].xpath('.//article[@class="traite-proposal"]')
        assert proposals
        meta = proposals[0].text_content()
        assert "Collectif « Ensemble contre la traite des êtres humains »" in meta
        assert "Remarque" in meta or "Amendement" in meta or "Ajout" in meta
        assert "Validée" in meta
        # Imported proposals have no saved version: « Version initiale ».
        assert "Version initiale" in meta
        assert page.xpath('//a[@rel="prev"]')[0].get("href").endswith("mesure-11")
        assert page.xpath('//a[@rel="next"]')[0].get("href").endswith("mesure-13")
        assert page.xpath('//*[@id="implementation-status-timeline"]')

    def test_measure_relations_not_repeated(self, site):
        """The relations block below the page leaves out the cited texts,
        implementing texts and proposals the measure page lists already."""
        portal, _credentials = site
        url = f"{portal.absolute_url()}/plan-action-2010/chapitre-4/mesure-12"
        page = html(fetch(url))
        listed = set(
            page.xpath(
                '//div[@class="traite-side-by-side"]//a/@href'
                ' | //section[@aria-labelledby="texts-title"]//a/@href'
            )
        )
        assert listed
        below = set(page.xpath('//*[@id="traite-relations"]//a/@href'))
        assert below & listed == set()

    def test_legal_text_identifiers_link_to_sources(self, site):
        portal, _credentials = site
        url = f"{portal.absolute_url()}/textes/jurisprudence/cedh-rantsev-2010"
        page = html(fetch(url))
        links = page.xpath('//section[contains(@class,"traite-identifiers")]//a/@href')
        assert any(link.startswith("https://hudoc.echr.coe.int/") for link in links)
        text = page.text_content()
        assert "25965/04" in text
        # Relations both ways: the measures citing the ruling.
        assert page.xpath('//*[@id="traite-relations-cites-in"]')

    def test_print_stylesheet_on_pages(self, site):
        portal, _credentials = site
        for path in ("plan-action-2010/chapitre-4/mesure-12", "textes/conventions"):
            page = html(fetch(f"{portal.absolute_url()}/{path}"))
            (link,) = page.xpath('//link[@media="print"]')
            css = fetch(link.get("href"))
            assert css.status_code == 200
            assert "@page" in css.text
