"""Permalinks by identifier, libraries and their REST listing."""

from plone import api
from traite_portal.browser.permalinks import PERMALINKS
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from ui_site import fetch
from ui_site import html

import pytest
import requests
import transaction


# One identifier of each kind in the corpus, and the item it must reach.
KNOWN = {
    "mesure": ("12", "/plan-action-2010/chapitre-4/mesure-12"),
    "chapitre": ("4", "/plan-action-2010/chapitre-4"),
    "ecli": (
        "ECLI:CE:ECHR:2010:0107JUD002596504",
        "/textes/jurisprudence/cedh-rantsev-2010",
    ),
    "celex": ("32011L0036", "/textes/droit-europeen/dir-2011-36-ue"),
    "nor": (None, None),
    "requete": ("25965/04", "/textes/jurisprudence/cedh-rantsev-2010"),
}


@pytest.fixture
def portal(corpus_functional):
    return corpus_functional["portal"]


def _nor(portal) -> tuple[str, str]:
    """A published circular with a NOR (the corpus has none), and its path."""
    with api.env.adopt_roles(["Manager"]):
        circular = api.content.create(
            portal["textes"]["circulaires"],
            "Circular",
            id="circulaire-nor",
            title="Circulaire de test",
            nor="JUSD1306583C",
        )
        api.content.transition(obj=circular, to_state="published")
    transaction.commit()
    return "JUSD1306583C", "/textes/circulaires/circulaire-nor"


class TestPermalinks:
    # Naming the layer keeps the corpus site for every class (one import).
    layer = CORPUS_FUNCTIONAL_TESTING

    def test_every_kind_is_tested(self):
        assert set(KNOWN) == set(PERMALINKS)

    @pytest.mark.parametrize("kind", sorted(PERMALINKS))
    def test_redirects_to_the_item(self, portal, kind):
        value, path = KNOWN[kind]
        if kind == "nor":
            value, path = _nor(portal)
        response = fetch(f"{portal.absolute_url()}/{kind}/{value}")
        assert response.status_code == 302
        assert response.headers["Location"] == portal.absolute_url() + path

    @pytest.mark.parametrize("kind", sorted(PERMALINKS))
    def test_unknown_gives_a_french_404(self, portal, kind):
        response = fetch(f"{portal.absolute_url()}/{kind}/999999")
        assert response.status_code == 404
        text = html(response).text_content()
        assert "Page introuvable" in text
        assert "999999" in text


class TestLibraries:
    # Naming the layer keeps the corpus site for every class (one import).
    layer = CORPUS_FUNCTIONAL_TESTING

    def test_root_library_lists_every_text_in_batches(self, portal):
        response = fetch(f"{portal.absolute_url()}/textes")
        page = html(response)
        rows = page.xpath('//table[@id="traite-library"]/tbody/tr')
        total = len(
            api.content.find(object_provides="traite_portal.interfaces.ILegalText")
        )
        assert len(rows) == min(total, 50)
        assert f"sur {total}" in page.text_content()

    def test_filter_by_type_and_year(self, portal):
        page = html(fetch(f"{portal.absolute_url()}/textes", type="CourtRuling"))
        types = {td.text_content() for td in page.xpath("//tbody/tr/td[2]")}
        assert types == {"Arrêt de la CEDH"}
        page = html(fetch(f"{portal.absolute_url()}/textes", annee="2010"))
        dates = [t.get("datetime") for t in page.xpath("//tbody/tr/td[4]/time")]
        assert dates
        assert all(d.startswith("2010-") for d in dates)

    def test_sort_by_date(self, portal):
        page = html(fetch(f"{portal.absolute_url()}/textes", tri="date", ordre="desc"))
        dates = [t.get("datetime") for t in page.xpath("//tbody/tr/td[4]/time")]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True)

    @pytest.mark.parametrize("params", [{"annee": "deux-mille"}, {"type": "Document"}])
    def test_bad_filters_explained(self, portal, params):
        response = fetch(f"{portal.absolute_url()}/textes", **params)
        assert response.status_code == 400
        assert html(response).xpath('//*[@role="alert"]')

    def test_rest_listing_is_batched_and_sorted(self, portal):
        response = requests.get(
            f"{portal.absolute_url()}/textes/conventions",
            headers={"Accept": "application/json"},
            params={"b_size": 3},
            timeout=60,
        )
        data = response.json()
        titles = [item["title"] for item in data["items"]]
        assert len(titles) == 3
        assert titles == sorted(titles, key=str.lower)
        assert data["items_total"] > 3
        assert "next" in data["batching"]
