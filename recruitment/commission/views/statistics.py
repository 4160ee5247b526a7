"""Board statistics of the commission, on screen and as CSV."""

from portal import exports

from .. import perms
from ..forms import StatisticsForm
from ..statistics import COLUMNS, DEFINITIONS, chart_rows, statistics
from .base import CommissionView


class StatisticsView(CommissionView):
    template_name = "commission/statistics.html"
    header_icon = "table"
    page_title = "Statistiques de la commission"

    def has_permission(self, user):
        return perms.may_see_statistics(user)

    def get(self, request, *args, **kwargs):
        form = StatisticsForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = statistics(filters.get("start"), filters.get("end"), filters.get("territory"))
        if request.GET.get("format") == "csv":
            return self.csv_response(rows)
        context = self.get_context_data(
            form=form, rows=rows, columns=COLUMNS, chart=chart_rows(rows), definitions=DEFINITIONS
        )
        query = request.GET.copy()
        query["format"] = "csv"
        context["csv_url"] = f"{request.path}?{query.urlencode()}"
        return self.render_to_response(context)

    @staticmethod
    def csv_response(rows):
        headings = ["Territoire", *[label for _key, label in COLUMNS]]
        return exports.csv_response(
            "statistiques-commission",
            headings,
            ([row["label"], *[row["values"][key] for key, _label in COLUMNS]] for row in rows),
        )
