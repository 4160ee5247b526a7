"""Board statistics of the commission: charts with their tables on screen, the same rows as CSV and XLSX.

`?format=csv` exports the table by territory (`&tableau=periodes`: the table by period), `?format=xlsx`
both tables as two sheets. Every export and every chart reads the rows of `statistics`.
"""

from portal import exports

from .. import perms
from ..charts import board_charts, export_tables
from ..forms import StatisticsForm
from ..statistics import (
    COLUMNS,
    DEFINITIONS,
    MAX_PERIODS,
    PERIODS,
    choose_period,
    count_periods,
    period_bounds,
    period_statistics,
    periods_between,
    statistics,
)
from .base import CommissionView

FILENAME = "statistiques-commission"


def breakdown(start, end, territory, period):
    """(period used, rows by period, notice): the chosen cut, or the automatic one when none is chosen
    or the chosen one would draw more than MAX_PERIODS periods."""
    bounds = period_bounds(start, end)
    if bounds is None:
        return "", [], ""
    notice = ""
    if not period or count_periods(*bounds, period) > MAX_PERIODS:
        if period:
            notice = (
                f"Découpage par {PERIODS[period].lower()} trop fin pour cette période : voici le découpage automatique."
            )
        period = choose_period(*bounds)
    return period, period_statistics(periods_between(*bounds, period), territory), notice


class StatisticsView(CommissionView):
    template_name = "commission/statistics.html"
    header_icon = "table"
    page_title = "Statistiques de la commission"

    def has_permission(self, user):
        return perms.may_see_statistics(user)

    def get(self, request, *args, **kwargs):
        form = StatisticsForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        start, end, territory = filters.get("start"), filters.get("end"), filters.get("territory")
        rows = statistics(start, end, territory)
        period, periods, notice = breakdown(start, end, territory, filters.get("period"))
        export = request.GET.get("format")
        tables = export_tables(rows, periods)
        if export == "csv":
            by_period = request.GET.get("tableau") == "periodes"
            _title, headings, values = tables[1 if by_period else 0]
            return exports.csv_response(f"{FILENAME}-periodes" if by_period else FILENAME, headings, values)
        if export == "xlsx":
            return exports.xlsx_response(FILENAME, tables)
        context = self.get_context_data(
            form=form,
            rows=rows,
            columns=COLUMNS,
            charts=board_charts(rows, periods),
            periods=periods,
            period_label=PERIODS.get(period, ""),
            notice=notice,
            definitions=DEFINITIONS,
            exports=self.export_links(request),
        )
        return self.render_to_response(context)

    @staticmethod
    def export_links(request):
        links = []
        for label, extra in (
            ("Exporter par territoire (CSV)", {"format": "csv"}),
            ("Exporter par période (CSV)", {"format": "csv", "tableau": "periodes"}),
            ("Exporter les deux tableaux (XLSX)", {"format": "xlsx"}),
        ):
            query = request.GET.copy()
            query.pop("tableau", None)
            for key, value in extra.items():
                query[key] = value
            links.append({"label": label, "url": f"{request.path}?{query.urlencode()}"})
        return links
