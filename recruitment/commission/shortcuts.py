"""Dashboard shortcuts of the commission (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut(
        "Sessions de la commission",
        ("commission.Session",),
        "commission.view_session",
        "date",
        "Entretiens, analyses et débriefing",
        order=310,
    ),
    Shortcut(
        "Plans individuels ADC", ("commission.TrainingPlan",), "commission.add_trainingplan", "list-ul", order=320
    ),
]
