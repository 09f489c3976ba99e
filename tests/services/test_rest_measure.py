"""A measure read through plone.restapi over real HTTP, anonymously."""

from plone.app.textfield.value import RichTextValue

import pytest
import requests
import transaction


@pytest.fixture
def measure_url(functional, create_measure):
    measure = create_measure(
        functional["portal"],
        title="CREER UNE STRUCTURE DE COORDINATION NATIONALE",
        responsible_bodies=["premier-ministre"],
        instruments=["decret"],
        deadline_start=2010,
        deadline_end=2010,
        official_text=RichTextValue(
            "<p>La Convention…</p>", "text/html", "text/x-html-safe"
        ),
    )
    transaction.commit()
    return measure.absolute_url()


class TestRestMeasure:
    def test_get_measure_anonymously(self, measure_url):
        response = requests.get(
            measure_url, headers={"Accept": "application/json"}, timeout=30
        )
        assert response.status_code == 200, response.text[:2000]
        data = response.json()
        assert data["@type"] == "Measure"
        assert data["number"] == 1
        assert data["deadline_start"] == 2010
        assert data["responsible_bodies"][0]["token"] == "premier-ministre"
        assert data["instruments"] == [{"title": "décret", "token": "decret"}]
        assert data["implementation_status"]["token"] == "not_started"
        assert "La Convention" in data["official_text"]["data"]

    def test_search_measure_by_number(self, measure_url):
        portal_url = measure_url.rsplit("/plan/", 1)[0]
        response = requests.get(
            f"{portal_url}/@search",
            params={
                "portal_type": "Measure",
                "measure_number:int": 1,
                "metadata_fields": "measure_number",
            },
            headers={"Accept": "application/json"},
            timeout=30,
        )
        assert response.status_code == 200
        items = response.json()["items"]
        assert [i["measure_number"] for i in items] == [1]
