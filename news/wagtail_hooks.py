"""Extranet: the "Informations" area and the news preferences of the user's profile."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from portal import dashboard
from portal.menu import PermissionMenuItem

from . import admin_views
from .documents import document_is_internal
from .forms import NewsPreferencesForm
from .models import NewsCategory, NewsPage
from .perms import may_read_internal

informations_urls = [
    path("", admin_views.InformationsIndexView.as_view(), name="index"),
    path("<int:pk>/", admin_views.InformationsDetailView.as_view(), name="detail"),
]


@hooks.register("register_admin_urls")
def register_informations_urls():
    return [path("informations/", include((informations_urls, "news_informations"), namespace="news_informations"))]


@hooks.register("register_admin_menu_item")
def register_informations_menu_item():
    return PermissionMenuItem(
        "Informations",
        reverse("news_informations:index"),
        icon_name="info-circle",
        order=150,
        is_allowed=may_read_internal,
    )


class NewsPreferencesPanel(BaseSettingsPanel):
    name = "news"
    title = "Notifications de publication d'une actualité"
    tab = notifications_tab
    order = 300
    form_class = NewsPreferencesForm


@hooks.register("register_account_settings_panel")
def register_news_preferences_panel(request, user, profile):
    return NewsPreferencesPanel(request, user, profile)


@hooks.register("before_serve_document")
def protect_documents_of_internal_news(document, request):
    """A document used only by extranet-only news is not served to the public."""
    if may_read_internal(request.user):
        return None
    if document_is_internal(document):
        raise Http404
    return None


class LatestInformationsPanel(Component):
    """Extranet dashboard: the latest news, extranet-only ones included."""

    name = "news_latest_informations"
    order = 150
    template_name = "news/admin/latest_informations_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        """The five latest items as plain data, cached until a page or a category changes (portal.dashboard)."""
        key = f"news:dashboard-latest:{may_read_internal(self.user)}:{dashboard.content_version()}"
        items = cache.get(key)
        if items is None:
            items = [
                {
                    "pk": item.pk,
                    "title": item.title,
                    "date": item.date,
                    "category": {"name": item.category.name},
                    "extranet_only": item.extranet_only,
                }
                for item in NewsPage.objects.visible_to(self.user)
                .select_related("category")
                .defer_streamfields()
                .order_by("-date", "-first_published_at")[:5]
            ]
            cache.set(key, items, dashboard.SUMMARY_TIMEOUT)
        return {"items": items}


post_save.connect(dashboard.renew_content_version, sender=NewsCategory, dispatch_uid="news-dashboard-category-save")
post_delete.connect(dashboard.renew_content_version, sender=NewsCategory, dispatch_uid="news-dashboard-category-del")


@hooks.register("construct_homepage_panels")
def add_latest_informations_panel(request, panels):
    if may_read_internal(request.user):
        panels.append(LatestInformationsPanel(request.user))
