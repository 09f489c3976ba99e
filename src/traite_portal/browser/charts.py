"""SVG charts of the plan, drawn on the server by pygal (no hand-made geometry)."""

from pygal.style import Style
from traite_portal import _
from traite_portal.browser.dashboard import PlanData
from traite_portal.plan.rows import titles
from traite_portal.vocabularies.controlled import IMPLEMENTATION_STATUSES
from zope.i18n import translate

import pygal


# Status colours (WCAG contrast on white), overdue in red.
STATUS_COLOURS = {
    "not_started": "#6c757d",
    "in_progress": "#0a58ca",
    "done": "#146c43",
    "abandoned": "#6f42c1",
}
OVERDUE = "#b02a37"
ON_TIME = "#0a58ca"


def _style(colours) -> Style:
    return Style(
        background="white",
        plot_background="white",
        foreground="#212529",
        foreground_strong="#212529",
        foreground_subtle="#495057",
        colors=tuple(colours),
        font_family="sans-serif",
    )


def _config(**options) -> dict:
    # No tooltip script: pygal's default loads one from another site.
    return {"js": [], "width": 640, "height": 360, "print_values": False, **options}


class ChartView(PlanData):
    """Base: renders ``chart()`` as an SVG document."""

    def __call__(self):
        self.update()
        self.request.response.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
        self.request.response.setHeader("X-Content-Type-Options", "nosniff")
        return self.chart().render()

    def t(self, message) -> str:
        return translate(message, context=self.request)


class StatusChart(ChartView):
    """``@@graphique-etats.svg``: measures per status, stacked per chapter."""

    def chart(self):
        statuses = self.status_titles()
        chapters = sorted({(r.chapter_number, r.chapter_roman) for r in self.rows})
        chart = pygal.StackedBar(
            style=_style(STATUS_COLOURS[s] for s in statuses),
            **_config(
                title=self.t(
                    _("chart_statuses", default="État de mise en œuvre par chapitre")
                ),
                x_title=self.t(_("chart_chapter", default="Chapitre")),
                y_title=self.t(_("chart_measures", default="Nombre de mesures")),
            ),
        )
        chart.x_labels = [roman for _number, roman in chapters]
        for token, title in statuses.items():
            chart.add(
                title,
                [
                    sum(
                        1
                        for r in self.rows
                        if r.chapter_number == n and r.status == token
                    )
                    for n, _roman in chapters
                ],
            )
        return chart

    def status_titles(self) -> dict[str, str]:
        return titles(IMPLEMENTATION_STATUSES, self.request)


class DeadlineChart(ChartView):
    """``@@graphique-echeances.svg``: measures per deadline year, overdue apart."""

    def chart(self):
        years = sorted({r.deadline_end for r in self.rows if r.deadline_end})
        chart = pygal.StackedBar(
            style=_style((ON_TIME, OVERDUE)),
            **_config(
                title=self.t(
                    _("chart_deadlines", default="Échéances des mesures par année")
                ),
                x_title=self.t(_("chart_year", default="Année d'échéance")),
                y_title=self.t(_("chart_measures", default="Nombre de mesures")),
            ),
        )
        chart.x_labels = [str(year) for year in years]
        chart.add(
            self.t(_("chart_not_overdue", default="Dans les délais ou terminées")),
            [
                sum(1 for r in self.rows if r.deadline_end == y and not r.overdue)
                for y in years
            ],
        )
        chart.add(
            self.t(_("chart_overdue", default="En retard")),
            [
                sum(1 for r in self.rows if r.deadline_end == y and r.overdue)
                for y in years
            ],
        )
        return chart
