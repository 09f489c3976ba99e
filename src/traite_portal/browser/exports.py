"""The dashboard's table as CSV and as a spreadsheet (XLSX through openpyxl)."""

from io import BytesIO
from io import StringIO
from openpyxl import Workbook
from openpyxl.styles import Font
from traite_portal import _
from traite_portal.browser.dashboard import PlanData
from traite_portal.plan.columns import COLUMNS
from zope.i18n import translate

import csv


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plain(value, yes: str, no: str):
    if isinstance(value, bool):
        return yes if value else no
    return value


class ExportView(PlanData):
    """Base: the selected rows as a header line and one line per measure."""

    extension = ""
    content_type = ""

    def table(self) -> list[list]:
        yes = translate(_("yes", default="Oui"), context=self.request)
        no = translate(_("no", default="Non"), context=self.request)
        header = [translate(c.label, context=self.request) for c in COLUMNS]
        body = [[_plain(c.value(row), yes, no) for c in COLUMNS] for row in self.rows]
        return [header, *body]

    def filename(self) -> str:
        day = f"-{self.selection.day.isoformat()}" if self.selection.day else ""
        return f"mesures-{self.context.getId()}{day}.{self.extension}"

    def __call__(self):
        self.update()
        if self.selection.errors:
            # Bad parameters: a French message, never a file for another selection.
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return "\n".join(self.errors())
        data = self.render()
        response = self.request.response
        response.setHeader("Content-Type", self.content_type)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.filename()}"'
        )
        return data


class CsvExport(ExportView):
    """``@@mesures.csv``: UTF-8 with a BOM and semicolons (French spreadsheets)."""

    extension = "csv"
    content_type = "text/csv; charset=utf-8"

    def render(self) -> bytes:
        out = StringIO()
        csv.writer(out, delimiter=";").writerows(self.table())
        return ("\ufeff" + out.getvalue()).encode("utf-8")


class XlsxExport(ExportView):
    """``@@mesures.xlsx``: one sheet, bold header, frozen first row."""

    extension = "xlsx"
    content_type = XLSX

    def render(self) -> bytes:
        book = Workbook()
        sheet = book.active
        sheet.title = translate(
            _("sheet_measures", default="Mesures"), context=self.request
        )
        for line in self.table():
            sheet.append(line)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        out = BytesIO()
        book.save(out)
        return out.getvalue()
