"""The extranet screen "Accès aux dossiers": every access to a dossier by someone outside its organisation,
for the administrators (read-only listing, filters, CSV/XLSX export the French way)."""

import django_filters
from django import forms
from django.urls import path
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from portal.accounts.models import User
from portal.organisations.models import Organisation
from portal.viewsets import ExportModelViewSet

from .models import AccessAction, DossierAccess


class DateInput(forms.DateInput):
    input_type = "date"


class DossierAccessFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(
        label="Personne",
        queryset=User.objects.filter(pk__in=DossierAccess.objects.values("user_id")).order_by("last_name"),
        empty_label="Toutes",
    )
    candidate = django_filters.NumberFilter(label="N° de dossier", field_name="candidate_id")
    date_from = django_filters.DateFilter(
        label="Du", field_name="at", lookup_expr="date__gte", widget=DateInput(format="%Y-%m-%d")
    )
    date_to = django_filters.DateFilter(
        label="Au", field_name="at", lookup_expr="date__lte", widget=DateInput(format="%Y-%m-%d")
    )
    user_organisation = django_filters.ModelChoiceFilter(
        label="Organisme de la personne", queryset=Organisation.objects.order_by("name"), empty_label="Tous"
    )
    candidate_organisation = django_filters.ModelChoiceFilter(
        label="Organisme du dossier", queryset=Organisation.objects.order_by("name"), empty_label="Tous"
    )
    action = django_filters.ChoiceFilter(label="Action", choices=AccessAction.choices, empty_label="Toutes")

    class Meta:
        model = DossierAccess
        fields = []


class DossierAccessIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "user_organisation", "candidate")


class DossierAccessViewSet(ExportModelViewSet):
    model = DossierAccess
    icon = "view"
    menu_label = "Accès aux dossiers"
    feminine = False
    item_noun = "accès"
    add_to_admin_menu = False
    url_prefix = "recrutement/acces-aux-dossiers"
    url_namespace = "recruitment_access"
    index_view_class = DossierAccessIndexView
    filterset_class = DossierAccessFilterSet
    inspect_view_enabled = False
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-at", "-pk"]
    search_fields = None
    list_display = [
        Column("at", label="Date et heure", sort_key="at"),
        "user",
        "user_organisation",
        Column("candidate_id", label="N° de dossier"),
        "candidate",
        "action",
        "address",
    ]
    list_export = ["at", "user", "user_organisation", "candidate_id", "candidate", "action", "path", "address"]
    export_headings = {"candidate_id": "N° de dossier"}
    export_filename = "acces-aux-dossiers"

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit or delete route: no button may link to one (a superuser holds every permission).
        none = {"add_url_name": None, "edit_url_name": None, "delete_url_name": None, "copy_url_name": None}
        return super().get_common_view_kwargs(**{**none, **kwargs})

    def get_urlpatterns(self):
        # A log: its listing (and export) only, no form to add, change or delete an access.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
