"""The portfolio (follow-up sheets) and the training needs: scoped model viewsets (portal.viewsets).

Every object route answers 404 outside `perms.sheets_for` / `perms.training_needs_for`; the view
subclasses below only add behaviour (joins, the save service, the form's fields, notifications).
"""

from django import forms
from django.db.models import Prefetch
from django.forms import CheckboxSelectMultiple
from django.forms.models import modelform_factory
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import log as log_action

from portal.viewsets import ScopedModelViewSet
from recruitment import choices, widgets
from recruitment.columns import LinkColumn, TextColumn
from recruitment.models import Job
from recruitment.viewsets import CompactHtmlMixin

from . import notifications, perms, sheets
from .filters import PortfolioFilterSet
from .forms import FollowUpSheetForm
from .models import FollowUpSheet, TrainingNeed

# --- Portfolio (follow-up sheets) ---------------------------------------------------------------


class SuiviPanel(Panel):
    """Section 1 "Suivi": title, company, computed status and dates, non-response alert."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "sar/panels/suivi.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            sheet = self.instance
            context.update(sheet=sheet, profile_url=reverse("sar_pool:study", args=[sheet.candidate_id]))
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


#: What a row of the portfolio shows: the rest of a sheet and of its candidate is not read for the listing.
ROW_FIELDS = [
    "candidate_id",
    "created_at",
    "due_on",
    "candidate__civility",
    "candidate__last_name",
    "candidate__first_name",
    "candidate__classification",
    "candidate__employment_area__name",
    "candidate__situation__name",
    "created_by__civility",
    "created_by__last_name",
    "created_by__first_name",
    "created_by__username",
    "status__name",
    "result__name",
]


def plain_choices(form):
    """A filter or sheet form's reference lists from the cache (`recruitment.choices`), drawn by one-pass
    widgets (`recruitment.widgets`): no query and no template per option (a model field's choices were read
    again, and normalised, each time the form was drawn)."""
    cached = choices.ReferenceChoices()
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            cached.apply(field)
        if isinstance(field.widget, forms.CheckboxSelectMultiple):
            field.widget = widgets.CheckboxSelectMultiple(attrs=field.widget.attrs, choices=field.choices)
        elif isinstance(field.widget, forms.Select) and not field.widget.allow_multiple_selected:
            field.widget = widgets.Select(attrs=field.widget.attrs, choices=field.choices)
    cached.save()
    return form


class SheetIndexView(CompactHtmlMixin, generic.IndexView):
    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .select_related("candidate__employment_area", "candidate__situation", "created_by", "status", "result")
            .prefetch_related(Prefetch("candidate__current_jobs", queryset=Job.objects.only("pk", "name")))
        )
        return queryset if self.is_export else queryset.only(*ROW_FIELDS)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "request": self.request}

    @cached_property
    def filters(self):
        filterset = super().filters
        if filterset is not None:
            plain_choices(filterset.form)
        return filterset


class SheetEditView(CompactHtmlMixin, generic.EditView):
    def get_queryset(self):
        # What the title and section 1 show, in the same query as the sheet.
        return FollowUpSheet.objects.select_related(
            "candidate__employment_area", "company", "created_by", "status", "result"
        )

    def get_form(self, form_class=None):
        return plain_choices(super().get_form(form_class))

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_success_message(self, instance=None):
        return "La fiche de suivi a été enregistrée."

    def save_instance(self):
        return sheets.save_sheet(
            self.form.save(commit=False),
            user=self.request.user,
            rejection_causes=self.form.cleaned_data.get("rejection_causes"),
        )


class SheetCreateView(generic.CreateView):
    """Sheets are created by the quick actions of "Etudier" only (nobody has the add permission)."""

    def setup(self, request, *args, **kwargs):
        raise Http404


class NameColumn(LinkColumn):
    """The candidate's name linked to the sheet (the title cell, with the column's own class)."""

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="title {}"><div class="title-wrapper"><a href="{}">{}</a></div></td>',
            self.classname,
            reverse(self.url_name, args=[instance.pk]),
            self.get_value(instance),
        )


class ProfileLinkColumn(Column):
    """The link to the candidate's profile ("Etudier"), written in one pass (no template per cell)."""

    def render_cell_html(self, instance, parent_context):
        candidate = instance.candidate
        return format_html(
            '<td><a href="{}">Profil<span class="w-sr-only"> de {} {}</span></a></td>',
            reverse("sar_pool:study", args=[instance.candidate_id]),
            candidate.last_name,
            candidate.first_name,
        )


def _candidate_name(sheet):
    """'Mme VOISIN Geneviève': the area has its own column (the sheet's title repeats it)."""
    candidate = sheet.candidate
    return f"{candidate.civility} {candidate.last_name} {candidate.first_name}"


def _short_date(field):
    """'15/01/2026 00:30' (local time) for a moment, '15/01/2026' for a day: short, as in the exports."""

    def value(sheet):
        moment = getattr(sheet, field)
        if moment is None:
            return "—"
        if hasattr(moment, "hour"):
            return formats.date_format(timezone.localtime(moment), "d/m/Y H:i")
        return formats.date_format(moment, "d/m/Y")

    return value


class SheetViewSet(ScopedModelViewSet):
    model = FollowUpSheet
    scope = staticmethod(perms.sheets_for)
    item_noun = "fiche de suivi"
    feminine = True
    icon = "folder-inverse"
    menu_label = "Mon portefeuille"
    url_prefix = "recrutements/portefeuille"
    url_namespace = "sar_sheets"
    index_view_class = SheetIndexView
    edit_view_class = SheetEditView
    add_view_class = SheetCreateView
    filterset_class = PortfolioFilterSet
    index_template_name = "sar/portfolio_index.html"
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = [
        # Cells written in one pass (recruitment.columns), without the per-row "more" menu: its only entry
        # was the link the name already is (nobody deletes a sheet).
        NameColumn(
            "candidate", "sar_sheets:edit", label="Candidat", accessor=_candidate_name, classname="sar-col-name"
        ),
        TextColumn("employment_area", label="Bassin d'emploi", accessor="candidate.employment_area"),
        TextColumn("created_by", label="Recruteur"),
        TextColumn("jobs", label="Métiers actuels", accessor="current_jobs_display"),
        TextColumn("situation", label="Situation", accessor="candidate.situation"),
        TextColumn("classification", label="Classification", accessor="candidate.get_classification_display"),
        TextColumn("status", label="Statut"),
        TextColumn("result", label="Résultat"),
        TextColumn("created_at", label="Créé le", accessor=_short_date("created_at"), sort_key="created_at"),
        TextColumn("due_on", label="Echéance", accessor=_short_date("due_on"), sort_key="due_on"),
        ProfileLinkColumn("profile", label="Profil"),
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

NEED_FIELDS = ["jobs", "skills", "headcount", "place", "wished_start", "comment"]


class NeedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("company", "created_by")


class NeedCreateView(generic.CreateView):
    def get_success_message(self, instance=None):
        return "Votre besoin de formation a été transmis à la commission Adaptation et Développement des Compétences."

    def save_instance(self):
        if not perms.may_submit_training_needs(self.request.user):
            raise Http404  # a need belongs to a company
        instance = self.form.save(commit=False)
        instance.company_id = self.request.user.organisation_id
        instance.created_by = self.request.user
        instance.save()
        self.form.save_m2m()
        log_action(instance, "wagtail.create", user=self.request.user)
        notifications.notify_training_need(instance)
        return instance


class NeedEditView(generic.EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Only the ADC commission moves a need along; the company edits its content.
        if not perms.may_process_training_needs(self.request.user):
            form.fields.pop("state", None)
        return form


class TrainingNeedViewSet(ScopedModelViewSet):
    model = TrainingNeed
    scope = staticmethod(perms.training_needs_for)
    item_noun = "besoin de formation"
    feminine = False
    icon = "group"
    menu_label = "Besoins de formation"
    url_prefix = "recrutements/besoins-formation"
    url_namespace = "sar_training_needs"
    index_view_class = NeedIndexView
    add_view_class = NeedCreateView
    edit_view_class = NeedEditView
    form_fields = NEED_FIELDS
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
        return modelform_factory(
            TrainingNeed,
            form=WagtailAdminModelForm,
            fields=[*NEED_FIELDS, "state"] if for_update else NEED_FIELDS,
            widgets={"wished_start": AdminDateInput, "jobs": CheckboxSelectMultiple},
        )
