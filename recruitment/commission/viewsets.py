"""The commission's extranet viewsets: sessions and training plans (PIADC), each scoped by perms.py."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import AdminDateInput

from portal.viewsets import ScopedModelViewSet

from . import perms, services
from .forms import TrainingPlanForm
from .models import Session, TrainingPlan


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


class PartnersColumn(Column):
    def get_value(self, instance):
        return ", ".join(str(p) for p in instance.partners.all())


# --- Sessions --------------------------------------------------------------------------------------


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("territory", "pilot").prefetch_related("partners")


class SessionCreateView(generic.CreateView):
    def get_initial_form_instance(self):
        # The pilot who creates the session usually runs it.
        instance = Session()
        if perms.may_manage_sessions(self.request.user) and not self.request.user.is_superuser:
            instance.pilot = self.request.user
        return instance

    def get_success_url(self):
        return reverse("commission:session", args=[self.object.pk])


class SessionEditView(generic.EditView):
    def get_success_url(self):
        return reverse("commission:session", args=[self.object.pk])


class SessionDeleteView(generic.DeleteView):
    # get/post, not dispatch: the permission check comes first.
    def get(self, request, *args, **kwargs):
        return self.refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refused() or super().post(request, *args, **kwargs)

    def refused(self):
        refusal = services.deletion_refusal(self.object)
        if refusal:
            messages.error(self.request, refusal)
            return redirect("commission:session", pk=self.object.pk)
        return None


class SessionViewSet(ScopedModelViewSet):
    model = Session
    scope = staticmethod(perms.sessions_for)
    item_noun = "session"
    feminine = True
    icon = "date"
    menu_label = "Sessions"
    add_to_admin_menu = False
    url_prefix = "commission/sessions"
    url_namespace = "commission_sessions"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
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
        return super().get_base_queryset().select_related("candidate", "candidate__organisation")


class TrainingPlanViewSet(ScopedModelViewSet):
    model = TrainingPlan
    scope = staticmethod(perms.plans_for)
    item_noun = "plan individuel ADC"
    feminine = False
    icon = "list-ul"
    menu_label = "Plans ADC (PIADC)"
    add_to_admin_menu = False
    url_prefix = "commission/piadc"
    url_namespace = "commission_plans"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = PlanIndexView
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
