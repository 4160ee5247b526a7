"""Board statistics: per period and territory, dossiers received, examined, classified per class, recruited."""

import datetime

from django.db.models import Count, Q

from portal.organisations.models import Territory
from recruitment.models import Candidate
from recruitment.sar.statistics import recruited_sheets

from .enums import AnalysisState, Classification

COLUMNS = [
    ("received", "Dossiers reçus"),
    ("examined", "Dossiers examinés"),
    *[(c.value, f"Classés {c.label}") for c in Classification],
    ("recruited", "Recrutés"),
]


def recruited_count(candidates, start, end):
    """How many of these candidates were recruited (a recruitment that holds) between start and end."""
    sheets = recruited_sheets(start or datetime.date.min, end or datetime.date.max)
    return sheets.filter(candidate__in=candidates).values("candidate").distinct().count()


def _between(prefix, start, end):
    condition = Q()
    if start:
        condition &= Q(**{f"{prefix}__gte": start})
    if end:
        condition &= Q(**{f"{prefix}__lte": end})
    return condition


def statistics(start=None, end=None, territory=None):
    """One row per territory (or the chosen one) and a total row: {"label", "values": {column: n}}."""
    territories = [territory] if territory else list(Territory.objects.all())
    candidates = Candidate.objects.filter(anonymised_at__isnull=True)
    received = _between("created_at__date", start, end)
    examined = Q(
        Q(commission_analyses__state=AnalysisState.COMPLETED)
        & _between("commission_analyses__session__date", start, end)
    )
    classified = _between("classified_on", start, end)
    aggregates = {
        "received": Count("pk", filter=received, distinct=True),
        "examined": Count("pk", filter=examined, distinct=True),
        **{c.value: Count("pk", filter=classified & Q(classification=c.value), distinct=True) for c in Classification},
    }
    per_territory = {
        row["employment_area__territory"]: row
        for row in candidates.filter(employment_area__territory__in=territories)
        .values("employment_area__territory")
        .annotate(**aggregates)
    }
    rows = []
    totals = {key: 0 for key, _label in COLUMNS}
    for item in territories:
        data = per_territory.get(item.pk, {})
        values = {key: data.get(key, 0) for key, _label in COLUMNS if key != "recruited"}
        values["recruited"] = recruited_count(candidates.filter(employment_area__territory=item), start, end)
        for key, value in values.items():
            totals[key] += value
        rows.append({"label": str(item), "values": values})
    rows.append({"label": "Total", "values": totals, "total": True})
    return rows


def chart_rows(rows):
    """Bars of the total row (one per column), with their share of the largest, for the CSS chart."""
    total = rows[-1]["values"]
    largest = max([v for v in total.values() if v] or [1])
    return [
        {"label": label, "value": total[key], "percent": round(100 * (total[key] or 0) / largest)}
        for key, label in COLUMNS
        if total[key] is not None
    ]
