"""The import screen in the extranet: its URL and its entry in the "Paramètres" menu (administrators only)."""

from django.urls import path, reverse
from wagtail import hooks

from portal.menu import PermissionMenuItem

from . import perms, views


@hooks.register("register_admin_urls")
def register_legacy_urls():
    return [path("reprise-ancien-portail/", views.import_view, name="legacy_import")]


@hooks.register("register_settings_menu_item")
def register_legacy_menu_item():
    return PermissionMenuItem(
        "Ancien portail",
        reverse("legacy_import"),
        icon_name="download",
        order=900,
        is_allowed=perms.may_import,
    )
