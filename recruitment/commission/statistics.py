"""Board statistics: each figure defined once, each one a subset of the one before, so they agree.

    received ⊇ examined ⊇ classified (= Σ classes) ⊇ published ⊇ recruited

A figure is a function `(candidates, start, end) -> queryset` built on the previous figure: no figure
can count a dossier the previous one left out. `DEFINITIONS` says each one on the screen, in French.
`start`/`end` (inclusive) may be None: no bound on that side.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from portal.organisations.models import Territory
from recruitment.models import Candidate
from recruitment.sar.statistics import recruited_sheets

from .enums import AnalysisState, Classification
from .models import Analysis
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


def statistics(start=None, end=None, territory=None):
    """One row per territory (or the chosen one) and a total row: {"label", "values": {column: n}}.

    One grouped query per figure, whatever the number of territories."""
    territories = [territory] if territory else list(Territory.objects.all())
    candidates = Candidate.objects.filter(anonymised_at__isnull=True, employment_area__territory__in=territories)
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


def chart_rows(rows):
    """Bars of the total row (one per column), with their share of the largest, for the CSS chart."""
    total = rows[-1]["values"]
    largest = max([v for v in total.values() if v] or [1])
    return [
        {"label": label, "value": total[key], "percent": round(100 * (total[key] or 0) / largest)}
        for key, label in COLUMNS
        if total[key] is not None
    ]
