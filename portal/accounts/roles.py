"""The roles of DESIGN.md section 1, as Django groups, and the site-wide permissions they hold.

Each app declares the permissions its screens need in a module-level `ROLE_PERMISSIONS`
dictionary of its `roles.py` ({role: ["app_label.codename", ...]}); `setup_roles` collects them
all (portal.registry), so adding a capability never means editing this file. Screens check the
codenames with `user.has_perm`: roles are data, an administrator may rename groups or edit
their permissions.
"""

from django.db import models

from portal import registry


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
# Pages, image and document libraries: their menus, shortcuts and dashboard counters.
MANAGE_SITE_CONTENT = "accounts.manage_site_content"
# Wagtail's help and reports menus, of no use to business users.
VIEW_TECHNICAL_MENUS = "accounts.view_technical_menus"
# Delete a user's second-factor devices (lost phone): the user enrols again at the next login.
RESET_SECOND_FACTOR = "accounts.reset_second_factor"

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        EXTRANET_ACCESS,
        MANAGE_SITE_CONTENT,
        VIEW_TECHNICAL_MENUS,
        RESET_SECOND_FACTOR,
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
        ]
        for action in ("add", "change", "delete")
    ],
    Role.EDITOR: [
        EXTRANET_ACCESS,
        MANAGE_SITE_CONTENT,
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

# Permissions that let their holder read personal data, or give it to anyone (user management): whoever
# holds one logs in with a second factor (rules.requires_second_factor). Each app declares its own
# `PERSONAL_DATA_PERMISSIONS` in its `roles.py`; these are the site-wide ones (users, recorded e-mails).
PERSONAL_DATA_PERMISSIONS = [
    "accounts.add_user",
    "accounts.change_user",
    RESET_SECOND_FACTOR,
    "auth.change_group",
    "mail.view_outgoingemail",
]

# Roles that may add, edit and publish pages (the whole site tree).
PAGE_EDITOR_ROLES = [Role.ADMINISTRATOR, Role.EDITOR]


def collect_role_permissions():
    """Merge the `roles.ROLE_PERMISSIONS` of every installed app (this module's first)."""
    merged = {}
    for declared in registry.collect("roles", "ROLE_PERMISSIONS"):
        for role, perms in declared.items():
            merged.setdefault(Role(role), []).extend(perms)
    return merged


def collect_personal_data_permissions():
    """Every app's `roles.PERSONAL_DATA_PERMISSIONS` (this module's first), without duplicates."""
    merged = []
    for declared in registry.collect("roles", "PERSONAL_DATA_PERMISSIONS"):
        merged.extend(perm for perm in declared if perm not in merged)
    return merged
