"""The roles of DESIGN.md section 1, as Django groups.

Each app declares the permissions its screens need in a module-level `ROLE_PERMISSIONS`
dictionary of its `roles.py` ({role name: ["app_label.codename", ...]}); `setup_roles`
collects them all, so adding a capability never means editing this file.
"""

from importlib import import_module

from django.apps import apps
from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "Administrateur", "Administrateur"
    EDITOR = "Rédacteur", "Rédacteur"
    PRESIDENT = "Président / CA", "Président / CA"
    ORGANISATION_REFERENT = "Référent de l'organisme", "Référent de l'organisme"
    EMPLOYMENT_ADVISER = "Référent Emploi", "Référent Emploi"
    SESSION_PILOT = "Pilote de session", "Pilote de session"
    ADVISORY_RECRUITER = "Recruteur Conseil", "Recruteur Conseil"
    TRAINING_COMMISSION = "Commission ADC", "Commission ADC"
    COMPANY_RECRUITER = "Chargé de recrutement", "Chargé de recrutement"


EXTRANET_ACCESS = "wagtailadmin.access_admin"

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        EXTRANET_ACCESS,
        "accounts.add_user",
        "accounts.change_user",
        "accounts.delete_user",
        "auth.add_group",
        "auth.change_group",
        "organisations.add_organisation",
        "organisations.change_organisation",
        "organisations.delete_organisation",
        "mail.view_outgoingemail",
        "wagtailcore.change_site",
        "pages.change_sitesettings",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
    ]
    + [
        f"{app}.{action}_{model}"
        for app, model in [
            ("organisations", "territory"),
            ("organisations", "department"),
            ("organisations", "employmentarea"),
            ("organisations", "organisationcategory"),
            ("organisations", "companytype"),
            ("organisations", "activity"),
            ("news", "newscategory"),
        ]
        for action in ("add", "change", "delete")
    ],
    Role.EDITOR: [
        EXTRANET_ACCESS,
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "pages.change_sitesettings",
    ],
    Role.PRESIDENT: [EXTRANET_ACCESS],
    Role.ORGANISATION_REFERENT: [EXTRANET_ACCESS],
    Role.EMPLOYMENT_ADVISER: [EXTRANET_ACCESS],
    Role.SESSION_PILOT: [EXTRANET_ACCESS],
    Role.ADVISORY_RECRUITER: [EXTRANET_ACCESS],
    Role.TRAINING_COMMISSION: [EXTRANET_ACCESS],
    Role.COMPANY_RECRUITER: [EXTRANET_ACCESS],
}

# Roles that may add, edit and publish pages (the whole site tree).
PAGE_EDITOR_ROLES = [Role.ADMINISTRATOR, Role.EDITOR]


def collect_role_permissions():
    """Merge this module's permissions with every installed app's `roles.ROLE_PERMISSIONS`."""
    merged = {role: list(perms) for role, perms in ROLE_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        if config.name == "portal.accounts":
            continue
        try:
            module = import_module(f"{config.name}.roles")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.roles":
                raise
            continue
        for role, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            merged.setdefault(Role(role), []).extend(perms)
    return merged


def has_role(user, *roles):
    """True when the user belongs to one of the roles (superusers have them all)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._role_names = names
    return any(role in names for role in roles)
