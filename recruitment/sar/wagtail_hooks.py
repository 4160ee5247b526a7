"""Extranet hooks of the recruitment support module: its menu and viewsets, its history entries, its script."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.history import ChangesFormatter
from recruitment.privacy import DOSSIER_ERASURE_HOOK, DOSSIER_PERSONAL_DATA_HOOK

from . import dashboard, privacy
from .menu import RecruitmentSupportGroup
from .notifications import NON_RESPONSE_ACTION
from .sheets import CHANGE_ACTION, CREATE_ACTION


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RecruitmentSupportGroup()


# Data protection of the dossiers: the companies' sheets in the export, their comments erased.
hooks.register(DOSSIER_PERSONAL_DATA_HOOK, privacy.sheet_sections)
hooks.register(DOSSIER_ERASURE_HOOK, privacy.erase_sheet_data)


class SheetCreated(LogFormatter):
    label = "Création de la fiche"

    def format_message(self, log_entry):
        return f"Fiche créée avec le résultat « {log_entry.data.get('result', '')} »"


class SheetChanged(ChangesFormatter):
    label = "Modification de la fiche"


class NonResponseAlert(LogFormatter):
    label = "Signalement de non réponse"

    def format_message(self, log_entry):
        return f"Signalement de non réponse envoyé à {log_entry.data.get('to', '')}"


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, formatter in (
        (CREATE_ACTION, SheetCreated),
        (CHANGE_ACTION, SheetChanged),
        (NON_RESPONSE_ACTION, NonResponseAlert),
    ):
        actions.register_action(action)(formatter)


@hooks.register("insert_global_admin_js")
def sar_sheet_js():
    return format_html('<script src="{}"></script>', static("js/sar-sheet.js"))


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    dashboard.add_panels(request, panels)
