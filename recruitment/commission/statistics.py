"""Board statistics: each figure defined once, each one a subset of the one before, so they agree.

    received ⊇ examined ⊇ classified (= Σ classes) ⊇ published ⊇ recruited

A figure is a function `(candidates, start, end) -> queryset` built on the previous figure: no figure
can count a dossier the previous one left out. `DEFINITIONS` says each one on the screen, in French.
`start`/`end` (inclusive) may be None: no bound on that side.

`statistics()` gives them by territory; `period_statistics()` by month, quarter or year, each period
counted as if it had been chosen alone (same figures, same definitions). The charts (charts.py) and the
exports read these rows only.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.utils import timezone

from portal.organisations.models import Territory
from recruitment.models import Candidate
from recruitment.sar.statistics import recruited_sheets

from .enums import AnalysisState, Classification
from .models import Analysis, Session
from .pool import pool_candidates


def _between(field, start, end):
    condition = Q()
    if start:
        condition &= Q(**{f"{field}__gte": start})
    if end:
        condition &= Q(**{f"{field}__lte": end})
    return condition


def _in_a_session_of_the_period(start, end, **analysis):
    return Exists(
        Analysis.objects.filter(candidate=OuterRef("pk"), **analysis).filter(_between("session__date", start, end))
    )


def received(candidates, start, end):
    """Dossiers presented to a session held in the period (attached, whatever became of them)."""
    return candidates.filter(_in_a_session_of_the_period(start, end))


def examined(candidates, start, end):
    """Of those, the dossiers whose analysis was completed in a session of the period."""
    return received(candidates, start, end).filter(
        _in_a_session_of_the_period(start, end, state=AnalysisState.COMPLETED)
    )


def classified(candidates, start, end, classification=None):
    """Of the examined, those classified in the period (optionally in one class)."""
    queryset = examined(candidates, start, end).filter(
        _between("classified_on", start, end), classification__in=Classification.values
    )
    return queryset if classification is None else queryset.filter(classification=classification)


def published(candidates, start, end):
    """Of the classified, those in the pool (Employable or Adaptable, with consent)."""
    return pool_candidates(classified(candidates, start, end))


def recruited(candidates, start, end):
    """Of the published, those recruited in the period (a recruitment that holds, any company)."""
    sheets = recruited_sheets(start or datetime.date.min, end or datetime.date.max)
    return published(candidates, start, end).filter(pk__in=sheets.values("candidate_id"))


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    definition: str
    count: object  # callable(candidates, start, end) -> queryset


def _class_figure(choice):
    def count(candidates, start, end):
        return classified(candidates, start, end, choice.value)

    return Figure(choice.value, f"Classés {choice.label}", "", count)


FIGURES = [
    Figure(
        "received",
        "Dossiers reçus",
        "Dossiers présentés à une session de la commission tenue dans la période.",
        received,
    ),
    Figure(
        "examined",
        "Dossiers examinés",
        "Parmi les dossiers reçus, ceux dont l'analyse a été terminée lors d'une session de la période.",
        examined,
    ),
    Figure(
        "classified",
        "Dossiers classés",
        "Parmi les dossiers examinés, ceux classés dans la période ; le détail par classe suit, sa somme est ce total.",
        classified,
    ),
    *[_class_figure(choice) for choice in Classification],
    Figure(
        "published",
        "Publiés dans le vivier",
        "Parmi les dossiers classés, ceux qui sont dans le vivier : Employable ou Adaptable, avec consentement.",
        published,
    ),
    Figure(
        "recruited",
        "Recrutés",
        "Parmi les dossiers publiés, ceux recrutés dans la période (recrutement non rompu, toute entreprise).",
        recruited,
    ),
]
COLUMNS = [(figure.key, figure.label) for figure in FIGURES]
DEFINITIONS = [(figure.label, figure.definition) for figure in FIGURES if figure.definition]


def _candidates(territories):
    return Candidate.objects.filter(anonymised_at__isnull=True, employment_area__territory__in=territories)


def statistics(start=None, end=None, territory=None):
    """One row per territory (or the chosen one) and a total row: {"label", "values": {column: n}}.

    One grouped query per figure, whatever the number of territories."""
    territories = [territory] if territory else list(Territory.objects.all())
    candidates = _candidates(territories)
    counts = {
        figure.key: dict(
            figure.count(candidates, start, end)
            .order_by()
            .values_list("employment_area__territory")
            .annotate(n=Count("pk"))
        )
        for figure in FIGURES
    }
    rows = [
        {"label": str(item), "values": {key: counts[key].get(item.pk, 0) for key, _label in COLUMNS}}
        for item in territories
    ]
    totals = {key: sum(row["values"][key] for row in rows) for key, _label in COLUMNS}
    rows.append({"label": "Total", "values": totals, "total": True})
    return rows


PERIODS = {"month": "Mois", "quarter": "Trimestre", "year": "Année"}
MAX_PERIODS = 36
MONTHS = (
    *("janvier", "février", "mars", "avril", "mai", "juin"),
    *("juillet", "août", "septembre", "octobre", "novembre", "décembre"),
)
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def _period_start(day, period):
    if period == "year":
        return day.replace(month=1, day=1)
    if period == "quarter":
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    return day.replace(day=1)


def _next_period(day, period):
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _period_labels(day, period):
    """(label, short label) of the period starting on `day`.

    ("mars 2026", "mars 2026"), ("2e trimestre 2026", "T2 2026"), ("2026", "2026")."""
    if period == "year":
        return str(day.year), str(day.year)
    if period == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"{quarter}{'er' if quarter == 1 else 'e'} trimestre {day.year}", f"T{quarter} {day.year}"
    return f"{MONTHS[day.month - 1]} {day.year}", f"{SHORT_MONTHS[day.month - 1]} {day.year}"


def count_periods(start, end, period):
    count, day = 0, _period_start(start, period)
    while day <= end:
        count, day = count + 1, _next_period(day, period)
    return count


def choose_period(start, end):
    """The finest of month, quarter, year that cuts [start, end] into at most 24 periods."""
    for period in ("month", "quarter"):
        if count_periods(start, end, period) <= 24:
            return period
    return "year"


def periods_between(start, end, period):
    """[(first day, last day, label, short label)] of the periods cutting [start, end] (both inclusive),
    the first and last ones cut at start and end."""
    periods, day = [], _period_start(start, period)
    while day <= end:
        following = _next_period(day, period)
        label, short = _period_labels(day, period)
        periods.append((max(day, start), min(following - datetime.timedelta(days=1), end), label, short))
        day = following
    return periods


def period_bounds(start, end):
    """The period a breakdown covers: the bounds given, else from the first session to the later of the
    last session and today (None when there is no session to start from)."""
    dates = Session.objects.aggregate(first=Min("date"), last=Max("date"))
    start = start or dates["first"]
    end = end or max(filter(None, [dates["last"], timezone.localdate()]))
    return (start, end) if start and start <= end else None


def period_statistics(periods, territory=None):
    """One row per period of `periods_between`: {"label", "short", "start", "end", "values": {column: n}},
    each the total row `statistics(first day, last day, territory)` would give for that period alone.

    One query per figure, whatever the number of periods (a filtered count per period)."""
    territories = [territory] if territory else list(Territory.objects.all())
    candidates = _candidates(territories)
    counts = {}
    for figure in FIGURES:
        aggregates = {
            f"p{index}": Count("pk", filter=Q(pk__in=figure.count(candidates, first, last).values("pk")))
            for index, (first, last, _label, _short) in enumerate(periods)
        }
        counts[figure.key] = candidates.order_by().aggregate(**aggregates) if aggregates else {}
    return [
        {
            "label": label,
            "short": short,
            "start": first,
            "end": last,
            "values": {key: counts[key][f"p{index}"] for key, _label in COLUMNS},
        }
        for index, (first, last, label, short) in enumerate(periods)
    ]
