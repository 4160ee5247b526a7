"""Extranet menu "Candidatures" (the manual's "Candidature Recrutement"), the dossier history's actions,
the dossier form's assets, the adviser's dashboard panel."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.history import ChangesFormatter

from . import dashboard
from .models import Candidate, DossierLogEntry
from .privacy_views import ReviewListView
from .viewsets import RecruitmentGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RecruitmentGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    # "Dossiers à revoir (RGPD)" (recruitment.privacy_views), in the extranet.
    return [
        path(
            "recrutement/dossiers-a-revoir/",
            include(([path("", ReviewListView.as_view(), name="index")], "recruitment_review")),
        )
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # Dossier history in its own log model, scoped like the dossiers (not the generic ModelLogEntry).
    actions.register_model(Candidate, DossierLogEntry)

    @actions.register_action("recruitment.change")
    class DossierChange(ChangesFormatter):
        label = "Modification du dossier"

    @actions.register_action("recruitment.access")
    class DossierAccess(LogFormatter):
        label = "Consultation hors organisme"

        def format_message(self, log_entry):
            return "Consultation du dossier par une personne extérieure à l'organisme"

    @actions.register_action("recruitment.anonymise")
    class DossierAnonymised(LogFormatter):
        label = "Anonymisation"

        def format_message(self, log_entry):
            return "Dossier anonymisé (données personnelles effacées)"

    @actions.register_action("recruitment.erase")
    class DossierErased(LogFormatter):
        label = "Effacement à la demande"

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason", "")
            return f"Données personnelles effacées à la demande de la personne (motif : {reason})"

    @actions.register_action("recruitment.export")
    class DossierExport(LogFormatter):
        label = "Export des données personnelles"

        def format_message(self, log_entry):
            return "Export des données du candidat (droit d'accès)"


@hooks.register("insert_global_admin_js")
def recruitment_js():
    return format_html('<script src="{}" defer></script>', static("js/recruitment/dossier-form.js"))


@hooks.register("insert_global_admin_css")
def recruitment_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/recruitment.css"))


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    dashboard.add_panels(request, panels)
