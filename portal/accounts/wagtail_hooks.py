"""Extranet shell: the per-role dashboard panel "Vos raccourcis" and the menu trimmed per role.

Wagtail already hides every menu entry a user has no permission for; this module removes the
entries that make no sense to business users (Wagtail's help, the technical reports) and gives
each role a short list of links to its usual screens on the dashboard.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .roles import Role, has_role

# Menu entries (by Wagtail menu item name) only administrators keep.
ADMIN_ONLY_MENU_ITEMS = {"help", "reports"}
# The media libraries are the editors' tools. Other roles may hold an image permission (e.g. an
# organisation referent uploads the logo from the sheet's chooser) without needing the library.
EDITOR_ONLY_MENU_ITEMS = {"images", "documents"}


@dataclass(frozen=True)
class Shortcut:
    """A dashboard link. `targets` are tried in order: a URL name, or an "app_label.Model" label
    (the extranet listing of that model). Targets that do not exist (yet) are skipped."""

    label: str
    targets: tuple
    roles: tuple = ()  # empty: every extranet user
    icon: str = "arrow-right"
    help: str = ""
    args: tuple = ()


SHORTCUTS = [
    # Site content
    Shortcut(
        "Pages du site",
        ("wagtailadmin_explore_root",),
        (Role.EDITOR, Role.ADMINISTRATOR),
        "doc-empty-inverse",
        "Pages et actualités",
    ),
    Shortcut("Images", ("wagtailimages:index",), (Role.EDITOR, Role.ADMINISTRATOR), "image"),
    Shortcut("Documents", ("wagtaildocs:index",), (Role.EDITOR, Role.ADMINISTRATOR), "doc-full-inverse"),
    Shortcut(
        "Paramètres du site",
        ("wagtailsettings:edit",),
        (Role.EDITOR, Role.ADMINISTRATOR),
        "cog",
        "Menu, pied de page, adresses",
        args=("pages", "sitesettings"),
    ),
    # Membership
    Shortcut(
        "Demandes d'adhésion",
        ("membership.MembershipApplication",),
        (Role.PRESIDENT, Role.ADMINISTRATOR),
        "form",
        "Accepter ou refuser les candidatures des organismes",
    ),
    Shortcut(
        "Fiche de mon organisme",
        ("directory.OrganisationSheet",),
        (Role.ORGANISATION_REFERENT,),
        "home",
        "Présentation dans l'annuaire",
    ),
    Shortcut(
        "Demandes d'accès à l'extranet",
        ("membership.AccountRequest",),
        (Role.ORGANISATION_REFERENT, Role.ADMINISTRATOR),
        "user",
        "Pour les collègues de votre organisme",
    ),
    # Recruitment
    Shortcut(
        "Dossiers de candidature",
        ("recruitment.Candidate",),
        (Role.EMPLOYMENT_ADVISER, Role.SESSION_PILOT, Role.ADVISORY_RECRUITER, Role.TRAINING_COMMISSION),
        "folder-open-inverse",
        "Créer et suivre les dossiers",
    ),
    Shortcut(
        "Sessions de la commission",
        ("commission.Session",),
        (Role.SESSION_PILOT, Role.ADVISORY_RECRUITER),
        "date",
        "Entretiens, analyses et débriefing",
    ),
    Shortcut(
        "Plans individuels ADC",
        ("commission.TrainingPlan",),
        (Role.TRAINING_COMMISSION,),
        "list-ul",
    ),
    Shortcut(
        "Recherche dans le vivier",
        ("sar_pool:index",),
        (Role.COMPANY_RECRUITER,),
        "search",
        "Candidats employables ou adaptables",
    ),
    Shortcut(
        "Portefeuille de fiches de suivi",
        ("sar.FollowUpSheet",),
        (Role.COMPANY_RECRUITER,),
        "folder-inverse",
        "Fiches SAR de votre entreprise",
    ),
    Shortcut(
        "Besoins de formation",
        ("sar.TrainingNeed",),
        (Role.COMPANY_RECRUITER, Role.TRAINING_COMMISSION),
        "group",
    ),
    # Administration
    Shortcut("Utilisateurs", ("wagtailusers_users:index",), (Role.ADMINISTRATOR,), "user"),
    Shortcut(
        "Organismes (annuaire)",
        ("directory.OrganisationSheet", "organisations.Organisation"),
        (Role.ADMINISTRATOR,),
        "home",
    ),
    Shortcut("Grille des cotisations", ("membership.FeeGrid",), (Role.ADMINISTRATOR,), "table"),
    Shortcut("Courriels envoyés", ("mail.OutgoingEmail",), (Role.ADMINISTRATOR,), "mail"),
    # Everyone
    Shortcut("Informations", ("news_informations:index",), (), "info-circle", "Actualités internes de l'association"),
    Shortcut("Mon compte", ("wagtailadmin_account",), (), "user", "Coordonnées, mot de passe, notifications"),
]


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
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.chooser import ChooserViewSet

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
    """The dashboard links of the user's roles, skipping screens that do not exist."""
    links = []
    for shortcut in SHORTCUTS:
        if shortcut.roles and not has_role(user, *shortcut.roles):
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


@hooks.register("construct_main_menu")
def hide_menu_items_per_role(request, menu_items):
    hidden = set()
    if not has_role(request.user, Role.ADMINISTRATOR):
        hidden |= ADMIN_ONLY_MENU_ITEMS
    if not has_role(request.user, Role.ADMINISTRATOR, Role.EDITOR):
        hidden |= EDITOR_ONLY_MENU_ITEMS
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its items
def hide_library_counts_from_business_users(request, summary_items):
    """The "N pages / images / documents" counters are the editors' business, not the members'."""
    if not has_role(request.user, Role.ADMINISTRATOR, Role.EDITOR):
        summary_items.clear()


@hooks.register("insert_global_admin_css")
def extranet_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("css/extranet.css"))
