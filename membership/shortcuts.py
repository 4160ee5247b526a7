"""Dashboard shortcuts of the membership screens (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut(
        "Demandes d'adhésion",
        ("membership.MembershipApplication",),
        "membership.decide_membershipapplication",
        "form",
        "Accepter ou refuser les candidatures des organismes",
        order=200,
    ),
    Shortcut(
        "Demandes d'accès à l'extranet",
        ("membership.AccountRequest",),
        "membership.view_accountrequest",
        "user",
        "Pour les collègues de votre organisme",
        order=220,
    ),
    Shortcut("Grille des cotisations", ("membership.FeeGrid",), "membership.change_feegrid", "table", order=820),
]
