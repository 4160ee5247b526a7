"""The viewsets of the menu "Candidature Recrutement": dossiers (scoped per organisation), contact
points, consent terms."""

import re

from django.urls import reverse, reverse_lazy
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup

from portal.history import Described, log_changes, snapshot
from portal.menu import PermissionMenuItem
from portal.viewsets import FrenchModelViewSet, ScopedModelViewSet

from . import perms
from .access import AccessAction, RecordsAccess
from .access_viewsets import DossierAccessViewSet
from .columns import AbbreviatedColumn, ConsentColumn, LinkColumn, TextColumn, updated_on
from .filters import DossierFilterSet
from .models import Candidate, Consent, ConsentTerms, ContactPoint
from .panels import dossier_edit_handler


def _documents(relation):
    return lambda candidate: ", ".join(str(document) for document in getattr(candidate, relation).all())


def _consent(candidate):
    consent = Consent.objects.filter(candidate=candidate).first()
    return str(consent) if consent else ""


#: Every field of the dossier form, then its documents (by name, in their order) and its consent (mode and date).
TRACKED_FIELDS = [
    *(
        field.name
        for field in Candidate._meta.get_fields()
        if field.concrete and field.editable and not field.primary_key
    ),
    Described("candidate_documents", "documents transmis par le candidat", _documents("candidate_documents")),
    Described("internal_documents", "documents internes", _documents("internal_documents")),
    Described("consent", "consentement", _consent),
]
TRACKED_RELATIONS = [
    field.name for field in Candidate._meta.get_fields() if field.concrete and field.many_to_one and field.editable
]


def stored_dossier(pk):
    """The dossier as stored (not the form's in-memory copy), ready for a snapshot."""
    return Candidate.objects.select_related(*TRACKED_RELATIONS).get(pk=pk)


#: What a row of the search shows (recruitment.columns): the rest of a dossier is not read for the listing.
ROW_FIELDS = [
    "last_name",
    "first_name",
    "city",
    "classification",
    "has_consent",
    "updated_at",
    "employment_area__name",
    "organisation__name",
    "status__name",
    "situation__name",
]


BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")


def compact_html(response):
    """The indentation of the templates dropped between tags (a line break stays: the page renders the same).
    A fifth of the dossier pages' bytes; the <textarea> values are escaped, so never matched."""
    if response.get("Content-Type", "").startswith("text/html"):
        response.content = BETWEEN_TAGS.sub(">\n<", response.content.decode()).encode()
    return response


class CompactHtmlMixin:
    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(compact_html)
        return response


class DossierIndexView(CompactHtmlMixin, generic.IndexView):
    def get_base_queryset(self):
        # The viewset's scope narrows this queryset (portal.viewsets).
        queryset = super().get_base_queryset().select_related("employment_area", "organisation", "status", "situation")
        return queryset if self.is_export else queryset.only(*ROW_FIELDS)


class EditFormSuccessMixin:
    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])


class DossierCreateView(CompactHtmlMixin, EditFormSuccessMixin, generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class DossierEditView(CompactHtmlMixin, RecordsAccess, EditFormSuccessMixin, generic.EditView):
    # Opening the dossier by someone of another organisation is recorded (recruitment.access).
    access_action = AccessAction.VIEW

    def save_instance(self):
        # The form already changed self.object: read the stored values before saving.
        before = snapshot(stored_dossier(self.object.pk), TRACKED_FIELDS)
        # Our own entry says what changed: Wagtail's bare "wagtail.edit" ("Modifié") would double it.
        self.action_class(self.form.instance, user=self.request.user, form=self.form, log_action=False).execute(
            skip_permission_checks=True
        )
        after = stored_dossier(self.object.pk)
        log_changes(after, before, user=self.request.user, action="recruitment.change", fields=TRACKED_FIELDS)
        return self.form.instance


class DossierHistoryView(RecordsAccess, generic.HistoryView):
    access_action = AccessAction.HISTORY


class DossierViewSet(ScopedModelViewSet):
    model = Candidate
    scope = staticmethod(perms.dossiers_for)
    item_noun = "dossier"
    feminine = False
    icon = "user"
    menu_label = "Recherche dossiers"
    add_to_admin_menu = False
    url_prefix = "recrutement/dossiers"
    url_namespace = "recruitment_dossiers"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = DossierIndexView
    add_view_class = DossierCreateView
    edit_view_class = DossierEditView
    history_view_class = DossierHistoryView
    filterset_class = DossierFilterSet
    list_per_page = 50
    ordering = ["last_name", "first_name", "pk"]
    list_display = [
        LinkColumn("full_name", "recruitment_dossiers:edit", label="Nom Prénom", accessor=str, sort_key="last_name"),
        TextColumn("employment_area", label="Bassin d'emploi", sort_key="employment_area"),
        TextColumn("city", label="Ville", sort_key="city"),
        AbbreviatedColumn("organisation", label="Organisme", sort_key="organisation__name"),
        TextColumn("status", label="Statut du dossier", sort_key="status"),
        TextColumn("situation", label="Situation", sort_key="situation"),
        TextColumn(
            "classification", label="Classification", accessor="get_classification_display", sort_key="classification"
        ),
        ConsentColumn("consent", label="Consentement"),
        TextColumn(
            "updated_at", label="Modifié le", accessor=updated_on, sort_key="updated_at", classname="dossier-col-date"
        ),
    ]
    list_export = [
        "pk",
        "civility",
        "last_name",
        "first_name",
        "france_travail_id",
        "employment_area",
        "city",
        "phone",
        "email",
        "organisation",
        "channel",
        "situation",
        "situation_date",
        "status",
        "status_date",
        "classification",
        "has_consent",
        "created_at",
        "updated_at",
    ]
    export_headings = {"pk": "N° de dossier", "has_consent": "Consentement recueilli"}
    export_filename = "dossiers-candidats"
    search_fields = None

    def get_edit_handler(self):
        return dossier_edit_handler().bind_to_model(Candidate)


class ContactPointViewSet(FrenchModelViewSet):
    model = ContactPoint
    feminine = False
    icon = "mail"
    menu_label = "Points de contact"
    add_to_admin_menu = False
    url_prefix = "recrutement/points-de-contact"
    url_namespace = "recruitment_contact_points"
    form_fields = ["organisation", "employment_area", "user"]
    list_display = ["organisation", "employment_area", "user"]
    list_filter = ["organisation", "employment_area"]
    copy_view_enabled = False


class ConsentTermsViewSet(FrenchModelViewSet):
    model = ConsentTerms
    item_noun = "version des conditions d'utilisation"
    feminine = True
    icon = "doc-full"
    menu_label = "Conditions d'usage"
    add_to_admin_menu = False
    url_prefix = "recrutement/conditions"
    url_namespace = "recruitment_consent_terms"
    form_fields = ["version", "text", "published_on"]
    list_display = ["version", "published_on"]
    copy_view_enabled = False


class RecruitmentGroup(ViewSetGroup):
    """The manual's menu: create a dossier, search dossiers (+ contact points and terms for administrators)."""

    menu_label = "Candidatures"
    menu_icon = "group"
    menu_order = 200
    items = [DossierViewSet, ContactPointViewSet, ConsentTermsViewSet, DossierAccessViewSet]

    def get_submenu_items(self):
        create = PermissionMenuItem(
            "Nouveau dossier",
            reverse_lazy("recruitment_dossiers:add"),
            name="dossier-create",
            icon_name="plus",
            order=0,
            is_allowed=perms.may_create_dossiers,
        )
        review = PermissionMenuItem(
            "Dossiers à revoir (RGPD)",
            reverse_lazy("recruitment_review:index"),
            name="dossier-review",
            icon_name="warning",
            order=900,
            is_allowed=perms.may_anonymise,
        )
        return [create, *super().get_submenu_items(), review]
