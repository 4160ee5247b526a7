"""Extranet menu "Commission": sessions, training plans (PIADC), statistics; the commission's admin routes."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import LogFormatter

from recruitment.perms import dossiers_for

from . import perms, takeover, urls
from .enums import AnalysisState
from .forms import TrainingPlanForm
from .models import Analysis, Session, TrainingPlan


class LinkColumn(Column):
    """A column whose cell links to one of the commission's own pages."""

    cell_template_name = "commission/columns/link.html"

    def __init__(self, name, *, url_name, text, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.text = text

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        pk = instance.candidate_id if self.url_name == "commission:dossier" else instance.pk
        context.update(url=reverse(self.url_name, args=[pk]), text=self.text)
        return context


# --- Sessions --------------------------------------------------------------------------------------


class ScopedSessionMixin:
    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not perms.sessions_for(request.user).filter(pk=str(pk)).exists():
            raise Http404("Session introuvable.")
        super().setup(request, *args, **kwargs)


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return perms.sessions_for(self.request.user).select_related("territory", "pilot").prefetch_related("partners")


class SessionCreateView(generic.CreateView):
    def get_initial_form_instance(self):
        # The pilot who creates the session usually runs it.
        instance = Session()
        if perms.is_pilot(self.request.user) and not perms.is_admin(self.request.user):
            instance.pilot = self.request.user
        return instance

    def get_success_url(self):
        return reverse("commission:session", args=[self.object.pk])


class SessionEditView(ScopedSessionMixin, generic.EditView):
    def get_success_url(self):
        return reverse("commission:session", args=[self.object.pk])


class SessionDeleteView(ScopedSessionMixin, generic.DeleteView):
    """A session whose dossiers were analysed is kept: its analyses are the commission's opinions."""

    def dispatch(self, request, *args, **kwargs):
        if Analysis.objects.filter(session_id=kwargs.get("pk"), state=AnalysisState.COMPLETED).exists():
            messages.error(request, "Cette session a des analyses terminées : elle ne peut pas être supprimée.")
            return redirect("commission:session", pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class SessionHistoryView(ScopedSessionMixin, history.HistoryView):
    pass


class PartnersColumn(Column):
    def get_value(self, instance):
        return ", ".join(str(p) for p in instance.partners.all())


class SessionViewSet(ModelViewSet):
    model = Session
    icon = "date"
    menu_label = "Sessions de la commission"
    add_to_admin_menu = False
    url_prefix = "commission/sessions"
    url_namespace = "commission_sessions"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    list_display = [
        "date",
        LinkColumn("dossiers", url_name="commission:session", text="Dossiers et analyses", label="Dossiers"),
        "place",
        "territory",
        PartnersColumn("partners", label="Partenaire(s) Emploi"),
        "pilot",
        "published_on",
    ]
    list_filter = ["territory"]
    ordering = ["-date", "-pk"]
    list_per_page = 50
    panels = [
        FieldPanel("date", widget=AdminDateInput),
        FieldPanel("place"),
        FieldPanel("territory"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("pilot"),
        FieldPanel("recruiters", widget=forms.CheckboxSelectMultiple),
        FieldPanel("comment"),
    ]


# --- Training plans (PIADC) -------------------------------------------------------------------------


class PlanIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = TrainingPlan.objects.select_related("candidate", "candidate__organisation")
        if perms.is_training_commission(self.request.user) or perms.is_pilot(self.request.user):
            return queryset
        return queryset.filter(candidate__in=dossiers_for(self.request.user))


class ScopedPlanMixin:
    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not (
            perms.may_manage_plans(request.user) and TrainingPlan.objects.filter(pk=str(pk)).exists()
        ):
            raise Http404("Plan introuvable.")
        super().setup(request, *args, **kwargs)


class PlanEditView(ScopedPlanMixin, generic.EditView):
    pass


class PlanDeleteView(ScopedPlanMixin, generic.DeleteView):
    pass


class PlanHistoryView(ScopedPlanMixin, history.HistoryView):
    pass


class TrainingPlanViewSet(ModelViewSet):
    model = TrainingPlan
    icon = "list-ul"
    menu_label = "Plans individuels ADC (PIADC)"
    add_to_admin_menu = False
    url_prefix = "commission/piadc"
    url_namespace = "commission_plans"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = PlanIndexView
    edit_view_class = PlanEditView
    delete_view_class = PlanDeleteView
    history_view_class = PlanHistoryView
    list_display = [
        "candidate",
        "state",
        LinkColumn("opinion", url_name="commission:dossier", text="Avis et PIADC", label="Consulter"),
        "updated_at",
    ]
    list_filter = ["state"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("candidate"),
            InlinePanel(
                "actions",
                label="Action",
                panels=[
                    FieldPanel("course"),
                    FieldPanel("title"),
                    FieldPanel("organisation"),
                    FieldPanel("start_date", widget=AdminDateInput),
                    FieldPanel("end_date", widget=AdminDateInput),
                    FieldPanel("state"),
                ],
            ),
            FieldPanel("comment"),
        ],
        base_form_class=TrainingPlanForm,
    )


class CommissionGroup(ViewSetGroup):
    menu_label = "Commission"
    menu_icon = "group"
    menu_order = 210
    items = [SessionViewSet, TrainingPlanViewSet]
    # Screens that are not viewsets join the submenu through this hook.
    submenu_hook = "register_commission_menu_item"


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CommissionGroup()


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return perms.may_see_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem("Statistiques commission", reverse("commission:statistics"), icon_name="table", order=215)


class FollowedDossiersMenuItem(MenuItem):
    def is_shown(self, request):
        return perms.may_see_synthesis(request.user)


@hooks.register("register_admin_menu_item")
def register_followed_dossiers_menu_item():
    return FollowedDossiersMenuItem(
        "Avis de la commission", reverse("commission:dossiers"), icon_name="folder-open-inverse", order=205
    )


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return perms.may_take_over_proposals(request.user)


@hooks.register("register_commission_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        "Stagiaires proposés hors vivier", reverse("commission:proposals"), icon_name="user", order=3
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(takeover.TAKE_OVER_ACTION)
    class TakeOver(LogFormatter):
        label = "Prise en charge par la commission"

        def format_message(self, log_entry):
            return takeover.format_take_over(log_entry)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("commission/", include((urls.urlpatterns, urls.app_name), namespace="commission"))]


@hooks.register("insert_global_admin_css")
def commission_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/commission.css"))
