"""Extranet shell: the dashboard panel "Vos raccourcis" and the menu trimmed for business users.

Wagtail already hides every menu entry a user has no permission for; this module also removes
the entries that make no sense to business users (Wagtail's help, the technical reports, the
media libraries), each behind a permission codename of `roles.py`. The shortcuts are declared by
each app (`shortcuts.py`, see portal.registry).
"""

from django.apps import apps
from django.templatetags.static import static
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet

from portal import dashboard, registry

from . import reset_views, security_views
from .roles import MANAGE_SITE_CONTENT, VIEW_TECHNICAL_MENUS

# Menu entries (by Wagtail menu item name) and the permission that keeps them. The media
# libraries are the editors' tools: other roles may hold an image permission (e.g. an
# organisation referent uploads the logo from the sheet's chooser) without needing the library.
GUARDED_MENU_ITEMS = {
    "help": VIEW_TECHNICAL_MENUS,
    "reports": VIEW_TECHNICAL_MENUS,
    "images": MANAGE_SITE_CONTENT,
    "documents": MANAGE_SITE_CONTENT,
}


def safe_reverse(name, args=()):
    """The URL of `name`, or None when the route does not exist (yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _model_listing_url(label, user):
    """The extranet listing of a model, when a viewset exists and the user may use it."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    reverse("wagtailadmin_home")  # loads the URLconf: the admin's URLs are what register the viewsets
    for viewset in viewsets.viewsets:
        if getattr(viewset, "model", None) is not model or isinstance(viewset, ChooserViewSet):
            continue
        policy = getattr(viewset, "permission_policy", None)
        if policy is not None and not policy.user_has_any_permission(user, ["add", "change", "delete", "view"]):
            return None
        try:
            return viewset.menu_url
        except NoReverseMatch:
            return None
    return None


def resolve_shortcut(shortcut, user):
    for target in shortcut.targets:
        if "." in target and ":" not in target:
            url = _model_listing_url(target, user)
        else:
            url = safe_reverse(target, shortcut.args)
        if url:
            return url
    return None


def shortcuts_for(user):
    """The dashboard links the user's permissions open, skipping screens that do not exist."""
    links = []
    for shortcut in registry.shortcuts():
        if shortcut.permission and not user.has_perm(shortcut.permission):
            continue
        url = resolve_shortcut(shortcut, user)
        if url:
            links.append({"label": shortcut.label, "url": url, "icon": shortcut.icon, "help": shortcut.help})
    return links


class ShortcutsPanel(Component):
    name = "nege_shortcuts"
    template_name = "wagtailadmin/home/shortcuts_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"shortcuts": shortcuts_for(self.user)}


@hooks.register("construct_homepage_panels")
def add_shortcuts_panel(request, panels):
    panels.insert(0, ShortcutsPanel(request.user))


@hooks.register("construct_homepage_panels", order=-100)  # before the apps add theirs
def trim_wagtail_panels(request, panels):
    dashboard.trim_wagtail_panels(request, panels)


@hooks.register("construct_main_menu")
def hide_guarded_menu_items(request, menu_items):
    hidden = {name for name, permission in GUARDED_MENU_ITEMS.items() if not request.user.has_perm(permission)}
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its items
def hide_library_counts_from_business_users(request, summary_items):
    """The "N pages / images / documents" counters are the editors' business, not the members'."""
    if not request.user.has_perm(MANAGE_SITE_CONTENT):
        summary_items.clear()
    else:
        dashboard.cached_summary_items(request, summary_items)


@hooks.register("insert_global_admin_css")
def extranet_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/extranet.css"))


# Second factor and account security (security_views.py, reset_views.py) ---------------------------------


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("securite/", security_views.security_view, name="nege_security"),
        path("securite/activer/", security_views.enrol_view, name="nege_security_enrol"),
        path("securite/verifier/", security_views.verify_view, name="nege_security_verify"),
        path("securite/codes-de-secours/", security_views.recovery_codes_view, name="nege_security_codes"),
        path(
            "securite/codes-de-secours/regenerer/",
            security_views.regenerate_codes_view,
            name="nege_security_regenerate",
        ),
        path(
            "securite/utilisateurs/<int:user_id>/reinitialiser/",
            reset_views.reset_view,
            name="nege_security_reset",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def user_listing_reset_button(user, request_user):
    button = reset_views.reset_button(user, request_user)
    return [button] if button else []


@hooks.register("register_log_actions")
def register_security_log_actions(actions):
    actions.register_action(
        "accounts.enrol_second_factor", "Double authentification activée", "Double authentification activée"
    )
    actions.register_action(
        "accounts.regenerate_recovery_codes", "Codes de secours renouvelés", "Nouveaux codes de secours générés"
    )
    actions.register_action(
        "accounts.reset_second_factor",
        "Double authentification réinitialisée",
        "Double authentification réinitialisée par un administrateur",
    )
