"""The plan's dashboard, its exports, charts and the « Rapport de suivi », over HTTP."""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from pypdf import PdfReader
from traite_portal.ministries.history import ANNOTATION_KEY
from traite_portal.ministries.history import set_status
from traite_portal.plan.columns import COLUMNS
from traite_portal.site_time import site_today
from traite_portal.testing import CORPUS_FUNCTIONAL_TESTING
from ui_site import fetch
from ui_site import html
from zoneinfo import ZoneInfo
from zope.annotation.interfaces import IAnnotations

import csv
import io
import lxml.etree
import pytest
import transaction


@pytest.fixture
def plan(corpus_functional):
    return corpus_functional["portal"]["plan-action-2010"]


def _rows(response) -> list:
    return html(response).xpath('//table[@id="traite-measures"]/tbody/tr')


class TestDashboard:
    # Naming the layer keeps the corpus site for every class (one import).
    layer = CORPUS_FUNCTIONAL_TESTING

    def test_all_measures_with_every_column(self, plan):
        response = fetch(plan.absolute_url())
        assert response.status_code == 200
        rows = _rows(response)
        assert [int(r.xpath("./td[1]")[0].text_content()) for r in rows] == list(
            range(1, 34)
        )
        headers = html(response).xpath('//table[@id="traite-measures"]/thead//th')
        assert [h.get("data-column") for h in headers] == [c.id for c in COLUMNS]
        assert rows[11].xpath("./td[2]")[0].text_content().startswith("Étendre")

    def test_filters_without_script(self, plan):
        rows = _rows(fetch(plan.absolute_url(), chapitre="4"))
        assert {r.get("data-chapter") for r in rows} == {"4"}
        assert len(rows) == 14
        overdue = _rows(fetch(plan.absolute_url(), retard="1"))
        assert overdue
        assert {r.get("data-overdue") for r in overdue} == {"1"}

    def test_sort_links(self, plan):
        page = html(fetch(plan.absolute_url(), tri="numero", ordre="desc"))
        first = page.xpath('//table[@id="traite-measures"]/tbody/tr[1]/td[1]')[0]
        assert first.text_content() == "33"
        (th,) = page.xpath('//th[@data-column="numero"]')
        assert th.get("aria-sort") == "descending"
        assert "ordre=desc" not in th.xpath("./a/@href")[0]

    @pytest.mark.parametrize(
        "params", [{"date": "31/12/2012"}, {"chapitre": "IV"}, {"etat": "fini"}]
    )
    def test_bad_parameters_explained(self, plan, params):
        response = fetch(plan.absolute_url(), **params)
        assert response.status_code == 400
        (alert,) = html(response).xpath('//*[@role="alert"]')
        assert "invalide" in alert.text_content() or "inconnu" in alert.text_content()

    def test_as_of_date_uses_the_timeline(self, plan):
        measure = plan["chapitre-4"]["mesure-12"]
        with api.env.adopt_roles(["Manager"]):
            set_status(measure, "in_progress", "Décret publié.")
        transaction.commit()
        today = site_today()
        now = _rows(fetch(plan.absolute_url(), date=today.isoformat()))[11]
        assert now.get("data-status") == "in_progress"
        before = _rows(
            fetch(plan.absolute_url(), date=(today - timedelta(days=1)).isoformat())
        )[11]
        assert before.get("data-status") == "not_started"
        report = html(
            fetch(
                f"{plan.absolute_url()}/@@rapport-de-suivi",
                date=(today - timedelta(days=1)).isoformat(),
            )
        )
        assert "En cours" not in report.xpath("//tbody/tr[12]")[0].text_content()

    def test_day_of_a_change_is_the_sites_day(self, plan):
        """A change stored at 22:30 UTC on 31 March 2012 happened on 1 April in
        Paris: the dashboard and the report both date it in the site's zone."""
        measure = plan["chapitre-4"]["mesure-12"]
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Paris")
        with api.env.adopt_roles(["Manager"]):
            set_status(measure, "in_progress", "Décret publié.")
        # The stored entry itself (docs/ministries.md, « Storage »), dated back.
        stored = IAnnotations(measure)[ANNOTATION_KEY]["history"]
        stored[-1] = {**stored[-1], "date": "2012-03-31T22:30:00+00:00"}
        transaction.commit()
        url = plan.absolute_url()
        before = _rows(fetch(url, date="2012-03-31"))[11]
        assert before.get("data-status") == "not_started"
        after = _rows(fetch(url, date="2012-04-01"))[11]
        assert after.get("data-status") == "in_progress"
        assert "01/04/2012" in after.text_content()
        report = html(fetch(f"{url}/@@rapport-de-suivi", date="2012-04-01"))
        assert "01/04/2012" in report.xpath("//tbody/tr[12]")[0].text_content()
        earlier = html(fetch(f"{url}/@@rapport-de-suivi", date="2012-03-31"))
        assert "En cours" not in earlier.xpath("//tbody/tr[12]")[0].text_content()

    def test_report_of_today_is_the_sites_today(self, plan):
        """Without a date, the report is of today in the site's zone, whatever
        the hour: here a zone of Plone's list already on another day than
        UTC (14 hours ahead from 11:00 UTC, 11 behind before), and a change
        made just now."""
        ahead = datetime.now(UTC).hour >= 11
        zone = "Pacific/Kiritimati" if ahead else "Pacific/Pago_Pago"
        api.portal.set_registry_record("plone.portal_timezone", zone)
        measure = plan["chapitre-4"]["mesure-12"]
        with api.env.adopt_roles(["Manager"]):
            set_status(measure, "in_progress", "Décret publié.")
        transaction.commit()
        local = datetime.now(ZoneInfo(zone)).date()
        assert local != datetime.now(UTC).date()
        assert site_today() == local
        report = html(fetch(f"{plan.absolute_url()}/@@rapport-de-suivi"))
        lead = report.xpath('//p[@class="lead"]')[0].text_content()
        assert f"Situation au {local.strftime('%d/%m/%Y')}" in lead
        row = report.xpath("//tbody/tr[12]")[0].text_content()
        assert f"{local.strftime('%d/%m/%Y')} :" in row
        assert "→" in row


class TestExports:
    # Naming the layer keeps the corpus site for every class (one import).
    layer = CORPUS_FUNCTIONAL_TESTING

    def test_csv(self, plan):
        response = fetch(f"{plan.absolute_url()}/@@mesures.csv", chapitre="4")
        assert response.headers["Content-Type"].startswith("text/csv")
        assert "attachment" in response.headers["Content-Disposition"]
        lines = list(
            csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
        )
        assert lines[0][:2] == ["N°", "Mesure"]
        assert [line[0] for line in lines[1:]] == [str(n) for n in range(11, 25)]
        assert lines[2][1].startswith("Étendre la durée")

    def test_xlsx(self, plan):
        response = fetch(f"{plan.absolute_url()}/@@mesures.xlsx")
        sheet = load_workbook(BytesIO(response.content)).active
        values = list(sheet.values)
        assert values[0][0] == "N°"
        assert len(values) == 34
        assert values[12][0] == 12

    @pytest.mark.parametrize("name", ["graphique-etats.svg", "graphique-echeances.svg"])
    def test_svg_charts(self, plan, name):
        response = fetch(f"{plan.absolute_url()}/@@{name}")
        assert response.headers["Content-Type"].startswith("image/svg+xml")
        root = lxml.etree.fromstring(response.content)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        text = " ".join(root.itertext())
        assert "mesures" in text.lower()
        # No script from another site (pygal's default tooltips).
        assert not root.xpath("//*[local-name()='script'][@*[local-name()='href']]")

    def test_status_chart_has_every_chapter(self, plan):
        response = fetch(f"{plan.absolute_url()}/@@graphique-etats.svg")
        text = " ".join(lxml.etree.fromstring(response.content).itertext())
        for roman in ("I", "II", "III", "IV", "V", "VI", "VII"):
            assert f" {roman} " in f" {text} "

    def test_pdf_report(self, plan):
        response = fetch(
            f"{plan.absolute_url()}/@@rapport-de-suivi.pdf", date="2012-12-31"
        )
        assert response.headers["Content-Type"] == "application/pdf"
        text = " ".join(
            page.extract_text() for page in PdfReader(BytesIO(response.content)).pages
        )
        text = " ".join(text.split())
        assert "Rapport de suivi" in text
        assert "Situation au 31/12/2012" in text
        assert "Étendre la durée de la période" in text

    def test_html_report(self, plan):
        response = fetch(f"{plan.absolute_url()}/@@rapport-de-suivi", date="2012-12-31")
        page = html(response)
        assert page.xpath("//h1")[0].text_content() == "Rapport de suivi"
        assert "31/12/2012" in page.text_content()
        assert page.xpath('//link[@media="print"]')
        pdf = page.xpath('//a[contains(@href, "rapport-de-suivi.pdf")]/@href')[0]
        assert "date=2012-12-31" in pdf
