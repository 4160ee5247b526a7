"""Dashboard shortcut of the internal news (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut(
        "Informations",
        ("news_informations:index",),
        None,
        "info-circle",
        "Actualités internes de l'association",
        order=900,
    ),
]
