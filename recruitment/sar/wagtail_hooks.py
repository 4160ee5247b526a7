"""Extranet menu "Gestion des recrutements" (company recruiters) and the training needs (ADC commission)."""

from django.forms import CheckboxSelectMultiple
from django.forms.models import modelform_factory
from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action

from . import perms, sheets, trainees, views
from .filters import PortfolioFilterSet
from .forms import FollowUpSheetForm, TrainingNeedForm
from .models import FollowUpSheet, TrainingNeed

# --- Pool search and Etudier --------------------------------------------------------------------


class RecruiterMenuItem(MenuItem):
    def is_shown(self, request):
        return perms.is_recruiter(request.user)


class PoolViewSet(ViewSet):
    name = "sar_pool"
    url_prefix = "recrutements/vivier"
    url_namespace = "sar_pool"
    icon = "search"
    menu_label = "Recherche dans le vivier"
    menu_item_class = RecruiterMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.pool_search, name="index"),
            path("candidats/<int:pk>/", views.study, name="study"),
            path("candidats/<int:pk>/action/", views.quick_action, name="quick_action"),
            path("candidats/<int:candidate_pk>/documents/<int:pk>/", views.document, name="document"),
        ]


# --- Portfolio (follow-up sheets) ---------------------------------------------------------------


class ScopedSheetMixin:
    """404 for a sheet outside the user's company, before any view code runs (every object route)."""

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not perms.sheets_for(request.user).filter(pk=str(pk)).exists():
            raise Http404("Fiche introuvable.")
        super().setup(request, *args, **kwargs)


class SuiviPanel(Panel):
    """Section 1 "Suivi": title, company, computed status and dates, non-response alert."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "sar/panels/suivi.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            sheet = self.instance
            context.update(
                sheet=sheet,
                profile_url=reverse("sar_pool:study", args=[sheet.candidate_id]),
                today=timezone.localdate(),
            )
            return context


def sheet_edit_handler():
    return ObjectList(
        [
            SuiviPanel(heading="Suivi"),
            MultiFieldPanel([FieldPanel("action_codes")], heading="Actions effectuées"),
            MultiFieldPanel(
                [
                    FieldPanel("result"),
                    FieldPanel("rejection_causes"),
                    FieldPanel("no_response"),
                    FieldPanel("comment"),
                ],
                heading="Résultat",
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("recruited_on"), FieldPanel("contract_type")]),
                    FieldRowPanel([FieldPanel("contract_end_date"), FieldPanel("recruitment_state")]),
                ],
                heading="Suivi recrutement",
                help_text="À compléter obligatoirement pour le résultat « Recrutement » : date, type de contrat "
                "(date de fin pour un CDD ou un contrat en alternance) et état du recrutement.",
            ),
        ],
        base_form_class=FollowUpSheetForm,
    )


class SheetIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            perms.sheets_for(self.request.user)
            .select_related(
                "candidate__employment_area", "candidate__situation", "created_by", "status", "result", "company"
            )
            .prefetch_related("candidate__current_jobs")
        )

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "request": self.request}


class SheetEditView(ScopedSheetMixin, generic.EditView):
    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_success_message(self, instance=None):
        return "La fiche de suivi a été enregistrée."

    def save_instance(self):
        stored = FollowUpSheet.objects.select_related(
            "result__status", "status", "contract_type", "recruitment_state"
        ).get(pk=self.object.pk)
        instance = self.form.save(commit=False)
        return sheets.save_sheet(
            instance,
            user=self.request.user,
            previous=stored.snapshot(),
            before=sheets.describe(stored),
            rejection_causes=self.form.cleaned_data.get("rejection_causes"),
        )


class SheetHistoryView(ScopedSheetMixin, history.HistoryView):
    pass


class SheetUsageView(ScopedSheetMixin, usage.UsageView):
    pass


class SheetDeleteView(ScopedSheetMixin, generic.DeleteView):
    pass


class SheetCreateView(generic.CreateView):
    """Sheets are created by the quick actions of "Etudier" only: nobody has the add permission."""

    def setup(self, request, *args, **kwargs):
        raise Http404


class ProfileLinkColumn(Column):
    cell_template_name = "sar/columns/profile_link.html"


class SheetViewSet(ModelViewSet):
    model = FollowUpSheet
    icon = "folder-inverse"
    menu_label = "Gérer mon portefeuille de candidats"
    url_prefix = "recrutements/portefeuille"
    url_namespace = "sar_sheets"
    index_view_class = SheetIndexView
    edit_view_class = SheetEditView
    history_view_class = SheetHistoryView
    usage_view_class = SheetUsageView
    delete_view_class = SheetDeleteView
    add_view_class = SheetCreateView
    filterset_class = PortfolioFilterSet
    index_template_name = "sar/portfolio_index.html"
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = [
        TitleColumn("__str__", label="Candidat", accessor="__str__", url_name="sar_sheets:edit"),
        Column("employment_area", label="Bassin d'emploi", accessor="candidate.employment_area"),
        Column("created_by", label="Recruteur"),
        Column("jobs", label="Métiers actuels", accessor="current_jobs_display"),
        Column("situation", label="Situation", accessor="candidate.situation"),
        Column("classification", label="Classification", accessor="candidate.get_classification_display"),
        "status",
        "result",
        Column("created_at", label="Créé le", sort_key="created_at"),
        Column("due_on", label="Echéance", sort_key="due_on"),
        ProfileLinkColumn("profile", label="Dossier"),
    ]
    list_export = [
        "pk",
        "candidate",
        "candidate_area",
        "created_by",
        "current_jobs_display",
        "candidate_situation",
        "candidate_classification",
        "status",
        "result",
        "get_actions_display",
        "no_response",
        "created_at",
        "updated_at",
        "due_on",
    ]
    export_headings = {
        "pk": "N° de fiche",
        "candidate": "Candidat",
        "candidate_area": "Bassin d'emploi",
        "created_by": "Recruteur",
        "current_jobs_display": "Métiers actuels",
        "candidate_situation": "Situation",
        "candidate_classification": "Classification",
        "get_actions_display": "Actions effectuées",
        "no_response": "Non réponse",
    }
    export_filename = "portefeuille-fiches-sar"
    search_fields = None
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_edit_handler(self):
        return sheet_edit_handler().bind_to_model(FollowUpSheet)


# --- Training needs -------------------------------------------------------------------------------


class ScopedNeedMixin:
    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not perms.training_needs_for(request.user).filter(pk=str(pk)).exists():
            raise Http404("Besoin introuvable.")
        super().setup(request, *args, **kwargs)


class NeedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return perms.training_needs_for(self.request.user).select_related("company", "created_by")


class NeedCreateView(generic.CreateView):
    def get_success_message(self, instance=None):
        return "Votre besoin de formation a été transmis à la commission Adaptation et Développement des Compétences."

    def save_instance(self):
        if not perms.is_recruiter(self.request.user):
            raise Http404
        instance = self.form.save(commit=False)
        instance.company_id = self.request.user.organisation_id
        instance.created_by = self.request.user
        instance.save()
        self.form.save_m2m()
        log_action(instance, "wagtail.create", user=self.request.user)
        from . import notifications

        notifications.notify_training_need(instance)
        return instance


class NeedEditView(ScopedNeedMixin, generic.EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Only the ADC commission moves a need along; the company edits its content.
        if not perms.sees_all_training_needs(self.request.user):
            form.fields.pop("state", None)
        return form


class NeedHistoryView(ScopedNeedMixin, history.HistoryView):
    pass


class NeedUsageView(ScopedNeedMixin, usage.UsageView):
    pass


class NeedDeleteView(ScopedNeedMixin, generic.DeleteView):
    pass


class TrainingNeedViewSet(ModelViewSet):
    model = TrainingNeed
    icon = "group"
    menu_label = "Gérer mes besoins en formation"
    url_prefix = "recrutements/besoins-formation"
    url_namespace = "sar_training_needs"
    index_view_class = NeedIndexView
    add_view_class = NeedCreateView
    edit_view_class = NeedEditView
    history_view_class = NeedHistoryView
    usage_view_class = NeedUsageView
    delete_view_class = NeedDeleteView
    form_fields = ["jobs", "skills", "headcount", "place", "wished_start", "comment"]
    list_display = ["__str__", "company", "created_by", "headcount", "place", "wished_start", "state", "created_at"]
    list_filter = ["state"]
    list_export = [
        "pk",
        "company",
        "created_by",
        "headcount",
        "place",
        "wished_start",
        "comment",
        "state",
        "created_at",
    ]
    export_filename = "besoins-formation"
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        fields = ["jobs", "skills", "headcount", "place", "wished_start", "comment"]
        if for_update:
            fields.append("state")
        return modelform_factory(
            TrainingNeed,
            form=TrainingNeedForm,
            fields=fields,
            widgets={"wished_start": AdminDateInput, "jobs": CheckboxSelectMultiple},
        )


class SubmitNeedViewSet(ViewSet):
    """Menu entry straight to the training need form."""

    name = "sar_submit_need"
    icon = "plus"
    menu_label = "Soumettre un besoin de formation en pré-recrutement"
    menu_item_class = RecruiterMenuItem

    def get_urlpatterns(self):
        return []

    @cached_property
    def menu_url(self):
        return reverse("sar_training_needs:add")


class TraineeViewSet(ViewSet):
    """'Finaliser les dossiers de candidats hors vivier' and its routes."""

    name = "sar_trainees"
    url_prefix = "recrutements/stagiaires-hors-vivier"
    url_namespace = "sar_trainees"
    icon = "user"
    menu_label = "Finaliser les dossiers de candidats hors vivier"
    menu_item_class = RecruiterMenuItem

    def get_urlpatterns(self):
        return [
            path("", trainees.index, name="index"),
            path("proposer/", trainees.propose, name="propose"),
            path("<int:pk>/", trainees.edit, name="edit"),
            path("<int:pk>/finaliser/", trainees.finalise, name="finalise"),
        ]


class ProposeTraineeViewSet(ViewSet):
    name = "sar_propose_trainee"
    icon = "plus"
    menu_label = "Proposer un stagiaire hors vivier NEGE"
    menu_item_class = RecruiterMenuItem

    def get_urlpatterns(self):
        return []

    @cached_property
    def menu_url(self):
        return reverse("sar_trainees:propose")


class RecruitmentSupportGroup(ViewSetGroup):
    menu_label = "Gestion des recrutements"
    menu_icon = "group"
    menu_order = 210
    items = [
        PoolViewSet,
        SheetViewSet,
        SubmitNeedViewSet,
        TrainingNeedViewSet,
        ProposeTraineeViewSet,
        TraineeViewSet,
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RecruitmentSupportGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action("sar.create")
    class SheetCreated(LogFormatter):
        label = "Création de la fiche"

        def format_message(self, log_entry):
            return f"Fiche créée avec le résultat « {log_entry.data.get('result', '')} »"

    @actions.register_action("sar.change")
    class SheetChanged(LogFormatter):
        label = "Modification de la fiche"

        def format_message(self, log_entry):
            changes = log_entry.data.get("changes", [])
            return "Modification : " + " ; ".join(
                f"{c['field']} : {c['old'] or '—'} → {c['new'] or '—'}" for c in changes
            )

    @actions.register_action("sar.non_response")
    class NonResponseAlert(LogFormatter):
        label = "Signalement de non réponse"

        def format_message(self, log_entry):
            return f"Signalement de non réponse envoyé à {log_entry.data.get('to', '')}"


@hooks.register("insert_global_admin_js")
def sar_sheet_js():
    return format_html('<script src="{}"></script>', static("js/sar-sheet.js"))
