"""Years read « 2010 » in Classic UI pages and forms, never « 2 010 »."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import re
import requests
import transaction


@pytest.fixture
def measure_url(functional, create_measure):
    measure = create_measure(
        functional["portal"], title="M", deadline_start=2011, deadline_end=2013
    )
    transaction.commit()
    return measure.absolute_url()


class TestYearWidget:
    def test_view_shows_plain_years(self, measure_url):
        html = requests.get(measure_url, timeout=60).text
        # The measure page writes the deadline as a span of plain years.
        assert "2011-2013" in html
        assert "2 011" not in html
        assert "2\u00a0011" not in html
        assert "2\u202f011" not in html

    def test_edit_form_round_trips_a_year(self, measure_url):
        auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        form = requests.get(f"{measure_url}/edit", auth=auth, timeout=60).text
        assert 'value="2013"' in form
        # The CSRF token Plone puts in the page's action links.
        token = re.search(r"_authenticator=([0-9a-f]+)", form)[1]
        response = requests.post(
            f"{measure_url}/@@edit",
            auth=auth,
            data={
                "form.widgets.IDublinCore.title": "M",
                "form.widgets.number": "1",
                "form.widgets.deadline_start": "2012",
                "form.widgets.deadline_end": "2014",
                "form.widgets.implementation_status:list": "in_progress",
                "form.buttons.save": "Enregistrer",
                "_authenticator": token,
            },
            timeout=60,
        )
        assert response.status_code == 200
        data = requests.get(
            measure_url, auth=auth, headers={"Accept": "application/json"}, timeout=60
        ).json()
        assert (data["deadline_start"], data["deadline_end"]) == (2012, 2014)
