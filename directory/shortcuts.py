"""Dashboard shortcuts of the directory (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut(
        "Fiche de mon organisme",
        ("directory.OrganisationSheet",),
        "directory.change_organisationsheet",
        "home",
        "Présentation dans l'annuaire",
        order=210,
    ),
    Shortcut(
        "Organismes (annuaire)",
        ("directory.OrganisationSheet", "organisations.Organisation"),
        "directory.edit_all_organisationsheets",
        "home",
        order=810,
    ),
]
