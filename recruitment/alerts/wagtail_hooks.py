"""Extranet hooks of the saved searches: 'Mes recherches' and the recruiter's dashboard panel."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import dashboard
from .models import SavedSearch
from .viewsets import SavedSearchPolicy, SavedSearchViewSet

register_permission_policy(SavedSearch, SavedSearchPolicy(SavedSearch), exact_class=True)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SavedSearchViewSet()


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    dashboard.add_panels(request, panels)
