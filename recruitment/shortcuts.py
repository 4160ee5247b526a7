"""Dashboard shortcut of the candidate dossiers (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut(
        "Dossiers de candidature",
        ("recruitment.Candidate",),
        "recruitment.view_candidate",
        "folder-open-inverse",
        "Créer et suivre les dossiers",
        order=300,
    ),
]
