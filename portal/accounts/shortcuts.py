"""Dashboard shortcuts of the site-wide screens (see portal.registry for the convention)."""

from portal.registry import Shortcut

from .roles import MANAGE_SITE_CONTENT

SHORTCUTS = [
    Shortcut(
        "Pages du site",
        ("wagtailadmin_explore_root",),
        MANAGE_SITE_CONTENT,
        "doc-empty-inverse",
        "Pages et actualités",
        order=100,
    ),
    Shortcut("Images", ("wagtailimages:index",), MANAGE_SITE_CONTENT, "image", order=110),
    Shortcut("Documents", ("wagtaildocs:index",), MANAGE_SITE_CONTENT, "doc-full-inverse", order=120),
    Shortcut(
        "Paramètres du site",
        ("wagtailsettings:edit",),
        "pages.change_sitesettings",
        "cog",
        "Menu, pied de page, adresses",
        args=("pages", "sitesettings"),
        order=130,
    ),
    Shortcut("Utilisateurs", ("wagtailusers_users:index",), "accounts.change_user", "user", order=800),
    Shortcut(
        "Sécurité du compte",
        ("nege_security",),
        None,
        "key",
        "Double authentification, codes de secours",
        order=980,
    ),
    Shortcut(
        "Mon compte", ("wagtailadmin_account",), None, "user", "Coordonnées, mot de passe, notifications", order=990
    ),
]
