"""Dashboard shortcuts of the recruitment support (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut(
        "Recherche dans le vivier",
        ("sar_pool:index",),
        "sar.search_pool",
        "search",
        "Candidats employables ou adaptables",
        order=330,
    ),
    Shortcut(
        "Portefeuille de fiches de suivi",
        ("sar.FollowUpSheet",),
        "sar.view_followupsheet",
        "folder-inverse",
        "Fiches SAR de votre entreprise",
        order=340,
    ),
    Shortcut("Besoins de formation", ("sar.TrainingNeed",), "sar.view_trainingneed", "group", order=350),
]
