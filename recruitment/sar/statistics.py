"""Results for the board: candidates recruited thanks to the network, from the follow-up sheets.

Usage (commission statistics page):
    from recruitment.sar.statistics import recruited_counts
    rows = recruited_counts(date(2026, 1, 1), date(2026, 12, 31), period="month")
    # [{"period": date(2026, 3, 1), "territory": "Alsace", "count": 4}, ...]
"""

from django.db.models import Count
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

from .models import FollowUpSheet

PERIODS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}
# Statuses of a recruitment that holds (a broken trial period or a resignation does not count).
RECRUITED_STATUSES = ("recrute-periode-essai", "recrute")


def recruited_sheets(start, end):
    """Sheets with the result "Recrutement", recruited between start and end (inclusive), not broken."""
    return FollowUpSheet.objects.filter(
        result__requires_recruitment=True,
        status__code__in=RECRUITED_STATUSES,
        recruited_on__gte=start,
        recruited_on__lte=end,
    )


def recruited_counts(start, end, *, period="month"):
    """Distinct candidates recruited per period and territory of their bassin d'emploi."""
    trunc = PERIODS[period]
    rows = (
        recruited_sheets(start, end)
        .annotate(period=trunc("recruited_on"))
        .values("period", "candidate__employment_area__territory__name")
        .annotate(count=Count("candidate", distinct=True))
        .order_by("period", "candidate__employment_area__territory__name")
    )
    return [
        {
            "period": row["period"],
            "territory": row["candidate__employment_area__territory__name"],
            "count": row["count"],
        }
        for row in rows
    ]


def recruited_total(start, end):
    return recruited_sheets(start, end).values("candidate").distinct().count()
