"""« Rapport de suivi »: the plan on a chosen date, as a page and as a PDF."""

from traite_portal.browser.dashboard import PlanData
from traite_portal.browser.report_pdf import render_pdf
from traite_portal.plan.report import build_report
from traite_portal.site_time import site_today
from traite_portal.site_time import site_zone


class ReportView(PlanData):
    """``@@rapport-de-suivi``: HTML with a print stylesheet."""

    def __call__(self):
        self.update()
        self.report = self.build()
        return self.index()

    def build(self):
        """The report on the chosen day (today in the site's time zone)."""
        return build_report(
            self.context,
            self.rows,
            self.selection.day or site_today(),
            self.request,
            site_zone(),
        )

    def day_label(self) -> str:
        return self.report.day.strftime("%d/%m/%Y")

    def pdf_url(self) -> str:
        query = self.selection.query()
        return f"{self.context.absolute_url()}/@@rapport-de-suivi.pdf" + (
            f"?{query}" if query else ""
        )


class ReportPdf(ReportView):
    """``@@rapport-de-suivi.pdf``: the same report as a PDF (reportlab)."""

    def __call__(self):
        self.update()
        if self.selection.errors:
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return "\n".join(self.errors())
        report = self.build()
        data = render_pdf(report, self.request)
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="rapport-de-suivi-{report.day.isoformat()}.pdf"',
        )
        return data
