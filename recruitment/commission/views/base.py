"""The base of the commission's own screens (those that are not viewsets)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import perms


class CommissionView(WagtailAdminTemplateMixin, TemplateView):
    """French title, the commission's breadcrumbs, and a permission check before anything runs."""

    header_icon = "group"

    def has_permission(self, user):
        return perms.may_see_sessions(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [*super().get_breadcrumbs_items()]
        if perms.may_see_sessions(self.request.user):
            items.append({"url": reverse("commission_sessions:index"), "label": "Sessions de la commission"})
        items.append({"url": "", "label": self.get_page_title()})
        return items


class SessionMixin:
    """A session of the user's scope, from the URL (404 outside it)."""

    _session = None

    def get_session(self):
        if self._session is None:
            from_scope = perms.sessions_for(self.request.user).select_related("territory", "pilot")
            self._session = get_object_or_404(from_scope, pk=self.kwargs["pk"])
        return self._session


class AnalysisMixin:
    """An analysis of the user's scope, from the URL (404 outside it)."""

    _analysis = None

    def get_analysis(self):
        if self._analysis is None:
            from_scope = perms.analyses_for(self.request.user).select_related("session", "candidate", "recruiter")
            self._analysis = get_object_or_404(from_scope, pk=self.kwargs["pk"])
        return self._analysis
