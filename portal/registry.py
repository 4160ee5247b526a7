"""How apps register with the ground floor: `portal/` discovers them and never imports a feature app.

Every installed app may hold convention modules. Portal imports `<app>.<module>` for each app of
`INSTALLED_APPS` (in that order) when the module exists, and reads one attribute from it:

=====================  ===============================================  ==========================================
module                 attribute                                        read by
=====================  ===============================================  ==========================================
`roles.py`             `ROLE_PERMISSIONS = {Role.X: ["app.codename"]}`  `setup_roles` (roles.collect_role_permissions)
`roles.py`             `PERSONAL_DATA_PERMISSIONS = ["app.codename"]`   the second factor at login (accounts.rules.
                       (reading personal data)                          requires_second_factor)
`api.py`               `API_ENDPOINTS = {"annuaire": APIViewSet}`       `portal.api.api_router` (`/api/v2/<name>/`)
`reference_lists.py`   `REFERENCE_LISTS = [ReferenceList(Model), ...]`  the extranet menu "Listes de référence"
                                                                        (portal.organisations.wagtail_hooks), in
                                                                        app order then list order
`reference_lists.py`   `load_reference()` (idempotent upsert of the     `manage.py load_reference`, in app order
                       app's seed data)
`shortcuts.py`         `SHORTCUTS = [Shortcut(...), ...]`               the dashboard panel "Vos raccourcis"
                                                                        (portal.accounts.wagtail_hooks), sorted by
                                                                        `Shortcut.order`
`demo.py`              `DEMO_STEPS = [DemoStep(order, seed), ...]`      `manage.py seed_demo`, sorted by order;
                                                                        `seed(stdout, *, candidates=0)`
`demo.py`              `DEMO_EXPORTS = [DemoExport(option, export)]`    `manage.py seed_demo --<option> <folder>`:
                       (fictitious sample files)                        `export(folder, stdout)`, no seeding
`login.py`             `inactive_account_message(user)` -> French      the extranet login (portal.accounts.backends),
                       message or None                                  to the holder of an inactive account's password
=====================  ===============================================  ==========================================

Menus and extranet viewsets are not listed here: each app registers its own in its
`wagtail_hooks.py` (Wagtail's convention). A shortcut is guarded by a permission codename
(`user.has_perm`), never by a role name, and its screen must also let the user in.

Shortcut orders group the dashboard: 100 site content, 200 membership and directory,
300 recruitment, 800 administration, 900 everyone. Demo orders: 0-99 site-wide base (pages,
organisations, users), 100-199 directory/membership/news, 200-299 recruitment, 900+ closing
touches (the last menu link, the home page).
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class ReferenceList:
    """An admin-editable reference list (a `portal.reference.ReferenceItem` model) of the menu."""

    model: type
    extra_list: tuple = ()  # columns between "name" and "order"
    filters: tuple = ()  # list filters after "is_active"
    icon: str = "list-ul"
    #: Gender of the model's verbose_name, for the screens' French texts (portal.wording); required.
    feminine: bool | None = None


@dataclass(frozen=True)
class Shortcut:
    """A dashboard link. `targets` are tried in order: a URL name, or an "app_label.Model" label
    (the extranet listing of that model); targets that do not exist (yet) are skipped.
    `permission` ("app_label.codename") guards it; None: every extranet user."""

    label: str
    targets: tuple
    permission: str | None = None
    icon: str = "arrow-right"
    help: str = ""
    args: tuple = ()
    order: int = 500


@dataclass(frozen=True)
class DemoStep:
    """One step of `seed_demo`: `seed(stdout, *, candidates=0)`, run in its own transaction."""

    order: int
    seed: Callable

    @property
    def label(self):
        return f"{self.seed.__module__}.{self.seed.__name__}"


@dataclass(frozen=True)
class DemoExport:
    """`seed_demo --<option> <folder>` writes fictitious sample files with `export(folder, stdout)`."""

    option: str  # e.g. "export-legacy"
    export: Callable
    help: str = ""


def app_modules(name):
    """The `<app>.<name>` modules of the installed apps, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        try:
            modules.append(import_module(module_name))
        except ModuleNotFoundError as exc:
            if exc.name != module_name:  # the module exists but one of its imports is missing
                raise
    return modules


def collect(name, attribute):
    """The `attribute` of every `<app>.<name>` module that defines it, in app order."""
    return [getattr(module, attribute) for module in app_modules(name) if hasattr(module, attribute)]


def api_endpoints():
    endpoints = {}
    for declared in collect("api", "API_ENDPOINTS"):
        for name, viewset in declared.items():
            if name in endpoints:
                raise ImproperlyConfigured(f"API endpoint {name!r} is declared twice.")
            endpoints[name] = viewset
    return endpoints


def reference_lists():
    return [item for declared in collect("reference_lists", "REFERENCE_LISTS") for item in declared]


def reference_loaders():
    return collect("reference_lists", "load_reference")


def shortcuts():
    return sorted((item for declared in collect("shortcuts", "SHORTCUTS") for item in declared), key=_order)


def demo_steps():
    return sorted((step for declared in collect("demo", "DEMO_STEPS") for step in declared), key=_order)


def demo_exports():
    exports = [item for declared in collect("demo", "DEMO_EXPORTS") for item in declared]
    options = [item.option for item in exports]
    if len(options) != len(set(options)):
        raise ImproperlyConfigured(f"A seed_demo export option is declared twice: {options}.")
    return exports


def _order(item):
    return item.order
