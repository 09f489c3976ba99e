"""A visitor downloads the dashboard's CSV and the PDF report in Chromium; the
test reads both files back."""

from browser_site import InCorpusSite
from browser_site import screenshot
from pypdf import PdfReader

import csv
import io


class TestDownloads(InCorpusSite):
    def test_csv_and_pdf_report(self, open_page, site):
        portal, _persons = site
        plan = portal["plan-action-2010"]
        with open_page() as page:
            page.goto(plan.absolute_url())
            with page.expect_download() as csv_download:
                page.get_by_role("link", name="Exporter en CSV").click()
            data = csv_download.value.path().read_bytes()
            assert csv_download.value.suggested_filename.endswith(".csv")
            rows = list(
                csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
            )
            numbers = [int(row[0]) for row in rows[1:]]
            assert numbers == list(range(1, 34))
            assert rows[12][1] == plan["chapitre-4"]["mesure-12"].Title()
            page.get_by_role("link", name="Rapport de suivi").first.click()
            page.locator("h1").wait_for()
            screenshot(page, "journey-downloads-report")
            with page.expect_download() as pdf_download:
                page.get_by_role("link", name="Télécharger en PDF").click()
            pdf = PdfReader(pdf_download.value.path())
            text = " ".join(p.extract_text() for p in pdf.pages)
            assert "Rapport de suivi" in text
            assert "Étendre la durée de la période de réflexion" in " ".join(
                text.split()
            )
