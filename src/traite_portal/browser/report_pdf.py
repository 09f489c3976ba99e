"""The implementation report as a PDF, laid out by reportlab's platypus."""

from io import BytesIO
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from traite_portal import _
from traite_portal.plan.report import Report
from xml.sax.saxutils import escape
from zope.i18n import translate


def _p(text, style) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_pdf(report: Report, request) -> bytes:
    """The report's title, figures, overdue measures, table and timelines."""

    def t(msgid, default, **mapping):
        return translate(_(msgid, default=default, mapping=mapping), context=request)

    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    day = report.day.strftime("%d/%m/%Y")
    story = [
        _p(t("report_title", "Rapport de suivi"), styles["Title"]),
        _p(report.plan_title, styles["Heading2"]),
        _p(t("report_as_of", "Situation au ${date}", date=day), styles["Heading3"]),
        _p(
            t(
                "report_figures",
                "${measures} mesures, ${overdue} en retard, ${proposals} propositions.",
                measures=len(report.rows),
                overdue=len(report.overdue),
                proposals=report.proposals,
            ),
            styles["BodyText"],
        ),
    ]
    counts = [[t("col_status", "État de mise en œuvre"), t("report_count", "Mesures")]]
    counts += [[c["title"], str(c["count"])] for c in report.counts]
    story += [Spacer(1, 0.3 * cm), _table(counts, [9 * cm, 3 * cm])]
    story.append(_p(t("report_overdue", "Mesures en retard"), styles["Heading3"]))
    if report.overdue:
        for row in report.overdue:
            story.append(_p(f"{row.number}. {row.title} ({row.deadline})", small))
    else:
        story.append(_p(t("report_no_overdue", "Aucune mesure en retard."), small))
    story.append(_p(t("report_measures", "Les mesures"), styles["Heading3"]))
    header = [
        t("col_number", "N°"),
        t("col_title", "Mesure"),
        t("col_deadline", "Échéance"),
        t("col_status", "État de mise en œuvre"),
        t("col_proposals", "Propositions"),
    ]
    lines = [[_p(h, small) for h in header]]
    for row in report.rows:
        status = row.status_title + (
            f" ({t('yes_overdue', 'En retard')})" if row.overdue else ""
        )
        lines.append(
            [
                _p(row.number, small),
                _p(row.title, small),
                _p(row.deadline, small),
                _p(status, small),
                _p(row.proposals, small),
            ]
        )
    story.append(_table(lines, [1 * cm, 9 * cm, 2.2 * cm, 3.3 * cm, 2 * cm]))
    story.append(_p(t("report_timelines", "Historique des états"), styles["Heading3"]))
    for row in report.rows:
        for entry in report.timelines.get(row.number, []):
            story.append(
                _p(
                    f"{row.number}. {entry['date']} : {entry['previous']} → "
                    f"{entry['status']} — {entry['comment']}",
                    small,
                )
            )
    out = BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        title=t("report_title", "Rapport de suivi"),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
    ).build(story)
    return out.getvalue()
