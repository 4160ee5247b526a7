"""Extranet: "Adhésions" menu (applications, access requests, fee grids), HR contact, dashboard panel."""

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import BooleanRadioSelect

from portal.menu import PermissionMenuItem
from portal.viewsets import ExportModelViewSet, FrenchModelViewSet, ScopedModelViewSet

from . import admin_views, perms, rules
from .fees import format_euros
from .forms.account_requests import AccountRequestForm
from .models import AccountRequest, FeeGrid, MembershipApplication


class ApplicationFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=rules.REVIEW_DELAY_LABEL, method="filter_overdue", widget=BooleanRadioSelect
    )

    class Meta:
        model = MembershipApplication
        fields = ["state", "sector"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = MembershipApplication.objects.overdue()
        return queryset & overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


def _review_url_finder(viewset):
    """No edit screen: other screens (e.g. an organisation's usage) link to the review screen."""
    return type("ReviewURLFinder", (ModelAdminURLFinder,), {"edit_url_name": viewset.get_url_name("inspect")})


class MembershipApplicationViewSet(ExportModelViewSet):
    model = MembershipApplication
    feminine = True
    name = "membership_applications"
    icon = "form"
    menu_label = "Demandes d'adhésion"
    add_to_admin_menu = False
    index_view_class = admin_views.ApplicationIndexView
    inspect_view_class = admin_views.ApplicationReviewView
    history_view_class = admin_views.ReadHistoryView
    usage_view_class = admin_views.ReadUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "organisation_name",
        Column("applicant", label="Demandeur", accessor="applicant"),
        Column("state", label="État", accessor="get_state_display", sort_key="state"),
        DateColumn("submitted_at", label="Transmise le", sort_key="submitted_at"),
        Column(
            "expected_fee",
            label="Cotisation attendue",
            accessor=lambda a: format_euros(a.expected_fee) if a.expected_fee is not None else "",
        ),
        Column("overdue", label="Plus de 15 jours", accessor=lambda a: "En retard" if a.is_overdue else ""),
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["organisation_name", "applicant__last_name", "applicant__email"]
    list_export = ["organisation_name", "applicant", "state", "sector", "submitted_at", "expected_fee", "decided_at"]
    export_headings = {
        "organisation_name": "Raison sociale",
        "applicant": "Demandeur",
        "state": "État",
        "sector": "Secteur",
        "submitted_at": "Transmise le",
        "expected_fee": "Cotisation attendue (€)",
        "decided_at": "Décidée le",
    }
    ordering = ["-submitted_at", "-created_at"]
    url_finder_class = property(_review_url_finder)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, "edit_url_name": None, **kwargs})

    def get_urlpatterns(self):
        # Applications are created on the public site and decided on the review screen: no add/edit.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
            path("delete/<str:pk>/", self.delete_view, name="delete"),
            path("history/<str:pk>/", self.history_view, name="history"),
            path("history-results/<str:pk>/", self.history_results_view, name="history_results"),
            path("usage/<str:pk>/", self.usage_view, name="usage"),
        ]


class AccountRequestViewSet(ScopedModelViewSet):
    model = AccountRequest
    scope = staticmethod(perms.account_requests_for)
    item_noun = "demande d'accès"
    feminine = True
    name = "membership_account_requests"
    icon = "user"
    menu_label = "Demandes d'accès"
    add_to_admin_menu = False
    index_view_class = admin_views.AccountRequestIndexView
    add_view_class = admin_views.AccountRequestCreateView
    inspect_view_class = admin_views.AccountRequestReviewView
    history_view_class = admin_views.ReadHistoryView
    usage_view_class = admin_views.ReadUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["last_name", "first_name", "email", "role"]
    list_display = [
        "colleague",  # the title column: links to the review screen
        Column("organisation", label="Organisme", accessor="organisation"),
        "email",
        Column("role", label="Rôle souhaité", accessor="get_role_display"),
        Column("state", label="État", accessor="get_state_display", sort_key="state"),
        DateColumn("created_at", label="Demandé le", sort_key="created_at"),
    ]
    list_filter = ["state", "role"]
    search_fields = ["last_name", "first_name", "email", "organisation__name"]
    list_export = ["organisation", "last_name", "first_name", "email", "role", "state", "requested_by", "created_at"]
    export_filename = "demandes-acces-extranet"
    url_finder_class = property(_review_url_finder)

    def get_form_class(self, for_update=False):
        return AccountRequestForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"edit_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name not in {"edit", "copy"}]


class FeeGridViewSet(FrenchModelViewSet):
    model = FeeGrid
    feminine = True
    name = "membership_fee_grids"
    icon = "table"
    menu_label = "Grilles de cotisation"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["year", "startup_fee", "startup_affiliated_fee"]


class MembershipGroup(ViewSetGroup):
    menu_label = "Adhésions"
    menu_icon = "group"
    menu_order = 300
    items = [MembershipApplicationViewSet, AccountRequestViewSet, FeeGridViewSet]


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipGroup()


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action("membership.submit", "Demande transmise", "Demande d'adhésion transmise")
    actions.register_action("membership.accept", "Demande acceptée", "Demande d'adhésion acceptée")
    actions.register_action("membership.refuse", "Demande refusée", "Demande d'adhésion refusée")
    actions.register_action("membership.account_approve", "Accès accepté", "Demande d'accès acceptée, compte créé")
    actions.register_action("membership.account_refuse", "Accès refusé", "Demande d'accès refusée")


@hooks.register("register_admin_urls")
def register_hr_contact_url():
    return [path("adhesion/contact-rh/", admin_views.hr_contact_view, name="membership_hr_contact")]


@hooks.register("register_admin_menu_item")
def register_hr_contact_menu_item():
    return PermissionMenuItem(
        "Mon contact RH",
        reverse("membership_hr_contact"),
        icon_name="user",
        order=310,
        is_allowed=perms.can_designate_hr_contact,
    )


PANEL_PENDING_READ = 50  # pending applications read at once: their counts come without a count query


class MembershipDashboardPanel(Component):
    name = "membership_applications"
    order = 50
    template_name = "membership/admin/dashboard_panel.html"

    def __init__(self, pending_count, overdue_count, overdue):
        self.pending_count = pending_count
        self.overdue_count = overdue_count
        self.overdue = overdue

    def get_context_data(self, parent_context):
        return {"pending_count": self.pending_count, "overdue_count": self.overdue_count, "overdue": self.overdue}


@hooks.register("construct_homepage_panels")
def add_membership_panel(request, panels):
    """The board sees pending applications, and the overdue ones (`rules.is_review_overdue`) are flagged."""
    if not perms.can_decide_applications(request.user):
        return
    pending = MembershipApplication.objects.pending()
    oldest = list(pending.order_by("submitted_at", "pk")[:PANEL_PENDING_READ])  # the overdue ones come first
    if len(oldest) < PANEL_PENDING_READ:  # all of them: one query
        overdue = [application for application in oldest if application.is_overdue]
        pending_count, overdue_count = len(oldest), len(overdue)
    else:
        overdue = list(MembershipApplication.objects.overdue().order_by("submitted_at")[:20])
        pending_count, overdue_count = pending.count(), MembershipApplication.objects.overdue().count()
    panels.append(MembershipDashboardPanel(pending_count, overdue_count, overdue[:20]))
