"""Extranet menu "Candidature Recrutement": dossiers (scoped per organisation), contact points, consent terms."""

from django import forms
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action

from . import perms
from .filters import DossierFilterSet
from .forms import DossierForm
from .models import Candidate, ConsentTerms, ContactPoint, DossierLogEntry
from .widgets import CityInput, JobTreeWidget, PrivateFileInput

TRACKED_FIELDS = [
    "status",
    "status_date",
    "situation",
    "situation_date",
    "situation_end_date",
    "organisation",
    "organisation_contact",
    "employment_area",
    "city",
    "last_name",
    "first_name",
    "channel",
    "classification",
]


# --- Panels ---------------------------------------------------------------------------------


class ConsentStatusPanel(Panel):
    """Shows whether consent is recorded (how, when, by whom, which version) with a link to the proof."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "recruitment/panels/consent_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            candidate = self.instance
            consent = candidate.consent if candidate.pk and candidate.has_consent else None
            context.update(
                candidate=candidate,
                consent=consent,
                terms_url=reverse("recruitment:terms"),
                proof_url=reverse("recruitment:consent_proof", args=[candidate.pk]) if consent else "",
            )
            return context


class DossierToolsPanel(Panel):
    """Links of an existing dossier: data export (right of access), anonymisation, review flag."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "recruitment/panels/dossier_tools.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            candidate = self.instance
            user = self.request.user
            context.update(
                candidate=candidate,
                export_url=reverse("recruitment:personal_data", args=[candidate.pk])
                if perms.may_export_personal_data(user, candidate)
                else "",
                anonymise_url=reverse("recruitment:anonymise", args=[candidate.pk])
                if perms.may_anonymise(user) and not candidate.anonymised_at
                else "",
            )
            return context


class DuplicateCheckPanel(Panel):
    """The "Vérifier l'unicité du dossier" button (the check is enforced again on save)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "recruitment/panels/duplicate_check.html"

        def is_shown(self):
            return not self.instance.pk

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["check_url"] = reverse("recruitment:check_duplicates")
            return context


def document_panels():
    return [
        FieldPanel("doc_type"),
        FieldPanel("file", widget=PrivateFileInput),
        FieldPanel("title"),
    ]


def dossier_edit_handler():
    """Two sections (tabs) of "volets" (collapsible panels), in the order of the manual."""
    from recruitment.commission.panels import CommissionPanel  # the commission app depends on this one

    date = AdminDateInput
    information = [
        DossierToolsPanel(),
        MultiFieldPanel(
            [
                FieldPanel("civility"),
                FieldPanel("last_name"),
                FieldPanel("first_name"),
                FieldPanel("has_france_travail_id"),
                FieldPanel("france_travail_id"),
                FieldPanel("is_rsa_beneficiary"),
                FieldPanel("caf_number"),
            ],
            heading="Identification",
        ),
        MultiFieldPanel(
            [
                FieldPanel("employment_area", widget=forms.Select),
                FieldPanel("city", widget=CityInput(url=reverse_lazy("recruitment:cities"))),
                FieldRowPanel([FieldPanel("street_number"), FieldPanel("street"), FieldPanel("postcode")]),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading="Coordonnées",
        ),
        DuplicateCheckPanel(heading="Vérification de l'unicité du dossier"),
        MultiFieldPanel(
            [
                FieldPanel("organisation", widget=forms.Select),
                FieldPanel("organisation_contact", widget=forms.Select),
                FieldPanel("agency"),
                FieldPanel("adviser_name"),
                FieldPanel("adviser_contact"),
                FieldPanel("channel", widget=forms.Select),
            ],
            heading="Source d'information",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                ConsentStatusPanel(),
                FieldPanel("consent_method"),
                FieldPanel("consent_signature"),
                FieldPanel("consent_scan"),
            ],
            heading="Consentement",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("contexts", widget=forms.CheckboxSelectMultiple)],
            heading="Contexte",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("situation", widget=forms.Select),
                FieldPanel("situation_date", widget=date),
                FieldPanel("situation_end_date", widget=date),
                FieldPanel("situation_note"),
            ],
            heading="Situation actuelle",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [InlinePanel("candidate_documents", panels=document_panels(), label="Document")],
            heading="Documents transmis par le candidat",
            help_text="Ne joignez que des documents qui peuvent être portés à la connaissance des recruteurs "
            "d'entreprise. Nommage : TYPE-N°-NOM-Prénom-Identifiant (proposé automatiquement si vous laissez le nom "
            "vide).",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [InlinePanel("internal_documents", panels=document_panels(), label="Document")],
            heading="Documents internes",
            help_text="Tests de connaissances, justificatifs, courriers : jamais montrés aux entreprises.",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status", widget=forms.Select),
                FieldPanel("status_date", widget=date),
                FieldPanel("status_note"),
            ],
            heading="Suivi du traitement du dossier",
            classname="collapsed",
        ),
        # Read-only: sessions, classification and PIADC, filled by the commission.
        CommissionPanel(heading="Avis de la commission"),
    ]
    qualification = [
        MultiFieldPanel(
            [
                FieldPanel("objective", widget=forms.RadioSelect),
                FieldPanel("wishes"),
                FieldPanel("company_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("contract_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("availability", widget=forms.RadioSelect),
                FieldPanel("current_jobs", widget=JobTreeWidget),
                FieldPanel("wished_jobs", widget=JobTreeWidget),
                FieldPanel("last_salary", widget=forms.Select),
                FieldPanel("expected_salary", widget=forms.Select),
                FieldPanel("minimum_salary", widget=forms.Select),
                FieldPanel("other_information"),
            ],
            heading="Projet professionnel",
        ),
    ]
    return TabbedInterface(
        [
            ObjectList(information, heading="Information du dossier"),
            ObjectList(qualification, heading="Qualification de l'employabilité"),
        ],
        base_form_class=DossierForm,
    )


# --- Views ------------------------------------------------------------------------------------


class ScopedObjectMixin:
    """404 for a dossier outside the user's scope, before any view code runs (all object routes)."""

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not perms.dossiers_for(request.user).filter(pk=str(pk)).exists():
            raise Http404("Dossier introuvable.")
        super().setup(request, *args, **kwargs)


class DossierIndexView(generic.IndexView):
    def get_base_queryset(self):
        return perms.dossiers_for(self.request.user).select_related(
            "employment_area", "organisation", "status", "situation", "consent"
        )


class EditFormSuccessMixin:
    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])


class DossierCreateView(EditFormSuccessMixin, generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class DossierEditView(ScopedObjectMixin, EditFormSuccessMixin, generic.EditView):
    @staticmethod
    def _display(candidate, name):
        field = Candidate._meta.get_field(name)
        value = getattr(candidate, name, None)
        if field.choices and value is not None and not field.is_relation:
            return str(dict(field.flatchoices).get(value, value))
        if hasattr(value, "strftime"):
            return value.strftime("%d/%m/%Y")
        return "" if value is None else str(value)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if perms.is_outsider(request.user, self.object):
            log_action(self.object, "recruitment.access", user=request.user)
        return response

    def save_instance(self):
        # The form already changed self.object: read the stored values before saving.
        stored = Candidate.objects.select_related(
            "status", "situation", "organisation", "organisation_contact", "employment_area", "channel"
        ).get(pk=self.object.pk)
        before = {name: self._display(stored, name) for name in TRACKED_FIELDS}
        instance = super().save_instance()
        changes = []
        for name in TRACKED_FIELDS:
            after = self._display(instance, name)
            if after != before[name]:
                label = str(Candidate._meta.get_field(name).verbose_name)
                changes.append({"field": label, "old": before[name], "new": after})
        if changes:
            log_action(instance, "recruitment.change", user=self.request.user, data={"changes": changes})
        return instance


class DossierDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class DossierHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class DossierUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ConsentColumn(Column):
    cell_template_name = "recruitment/columns/consent.html"


class DossierViewSet(ModelViewSet):
    model = Candidate
    icon = "user"
    menu_label = "Recherche de dossiers"
    add_to_admin_menu = False
    url_prefix = "recrutement/dossiers"
    url_namespace = "recruitment_dossiers"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = DossierIndexView
    add_view_class = DossierCreateView
    edit_view_class = DossierEditView
    delete_view_class = DossierDeleteView
    history_view_class = DossierHistoryView
    usage_view_class = DossierUsageView
    filterset_class = DossierFilterSet
    list_per_page = 50
    ordering = ["last_name", "first_name", "pk"]
    list_display = [
        "full_name",
        "employment_area",
        "city",
        Column("organisation", label="Organisme", sort_key="organisation__name"),
        "status",
        "situation",
        "classification",
        ConsentColumn("consent", label="Consentement"),
        "updated_at",
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


class ContactPointViewSet(ModelViewSet):
    model = ContactPoint
    icon = "mail"
    menu_label = "Points de contact NEGE"
    add_to_admin_menu = False
    url_prefix = "recrutement/points-de-contact"
    url_namespace = "recruitment_contact_points"
    form_fields = ["organisation", "employment_area", "user"]
    list_display = ["organisation", "employment_area", "user"]
    list_filter = ["organisation", "employment_area"]
    copy_view_enabled = False


class ConsentTermsViewSet(ModelViewSet):
    model = ConsentTerms
    icon = "doc-full"
    menu_label = "Conditions d'utilisation"
    add_to_admin_menu = False
    url_prefix = "recrutement/conditions"
    url_namespace = "recruitment_consent_terms"
    form_fields = ["version", "text", "published_on"]
    list_display = ["version", "published_on"]
    copy_view_enabled = False


class CreateDossierMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("recruitment.add_candidate")


class RecruitmentGroup(ViewSetGroup):
    """The manual's menu: create a dossier, search dossiers (+ contact points and terms for administrators)."""

    menu_label = "Candidature Recrutement"
    menu_icon = "group"
    menu_order = 200
    items = [DossierViewSet, ContactPointViewSet, ConsentTermsViewSet]

    def get_submenu_items(self):
        create = CreateDossierMenuItem(
            "Création d'un dossier",
            reverse_lazy("recruitment_dossiers:add"),
            name="dossier-create",
            icon_name="plus",
            order=0,
        )
        return [create, *super().get_submenu_items()]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RecruitmentGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # Dossier history in its own log model, scoped like the dossiers (not the generic ModelLogEntry).
    actions.register_model(Candidate, DossierLogEntry)

    @actions.register_action("recruitment.change")
    class DossierChange(LogFormatter):
        label = "Modification du dossier"

        def format_message(self, log_entry):
            changes = log_entry.data.get("changes", [])
            return "Modification : " + " ; ".join(
                f"{c['field']} : {c['old'] or '—'} → {c['new'] or '—'}" for c in changes
            )

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
