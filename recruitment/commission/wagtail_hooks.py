"""Extranet menu "Commission": sessions, training plans (PIADC), statistics; the commission's admin routes."""

import django_filters
from django.db.models import Exists, OuterRef
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.menu import PermissionMenuItem
from recruitment.filters import DOSSIER_FILTERS_HOOK
from recruitment.panels import DOSSIER_PANELS_HOOK
from recruitment.privacy import DOSSIER_ERASURE_HOOK, DOSSIER_PERSONAL_DATA_HOOK

from . import dashboard, perms, privacy, takeover, urls
from .enums import PlanState
from .models import Analysis, Session
from .panels import CommissionPanel
from .viewsets import CommissionGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CommissionGroup()


@hooks.register(DOSSIER_PANELS_HOOK)
def register_dossier_panels():
    # Read-only on the dossier screen: the dossier app does not know the commission.
    return [CommissionPanel(heading="Avis de la commission")]


# Data protection of the dossiers: the commission's decisions in the export, its free texts erased.
hooks.register(DOSSIER_PERSONAL_DATA_HOOK, privacy.commission_sections)
hooks.register(DOSSIER_ERASURE_HOOK, privacy.erase_commission_data)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return PermissionMenuItem(
        "Statistiques",
        reverse("commission:statistics"),
        icon_name="table",
        order=215,
        is_allowed=perms.may_see_statistics,
    )


@hooks.register("register_admin_menu_item")
def register_followed_dossiers_menu_item():
    return PermissionMenuItem(
        "Avis commission",
        reverse("commission:dossiers"),
        icon_name="folder-open-inverse",
        order=205,
        is_allowed=perms.may_see_synthesis,
    )


@hooks.register("register_commission_menu_item")
def register_proposals_menu_item():
    return PermissionMenuItem(
        "Stagiaires proposés",
        reverse("commission:proposals"),
        icon_name="user",
        order=3,
        is_allowed=perms.may_take_over_proposals,
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


def _filter_session(queryset, name, value):
    return queryset.filter(Exists(Analysis.objects.filter(candidate=OuterRef("pk"), session=value)))


def _filter_piadc(queryset, name, value):
    return queryset.filter(training_plan__state=value)


@hooks.register(DOSSIER_FILTERS_HOOK)
def dossier_filters():
    return {
        "session": django_filters.ModelChoiceFilter(
            label="Session de la commission",
            queryset=Session.objects.order_by("-date"),
            method=_filter_session,
            empty_label="Toutes",
        ),
        "piadc": django_filters.ChoiceFilter(
            label="État du PIADC", choices=PlanState.choices, method=_filter_piadc, empty_label="Tous"
        ),
    }


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    dashboard.add_panels(request, panels)
