"""The commission's opinion on a dossier, and the dossiers followed by an adviser (or the commission)."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse

from recruitment.access import AccessAction, record_access
from recruitment.perms import dossiers_for

from .. import perms
from ..models import Analysis, TrainingPlan
from ..synthesis import synthesis_context
from .base import CommissionView


class DossierOpinionView(CommissionView):
    template_name = "commission/dossier.html"
    header_icon = "doc-full"

    def has_permission(self, user):
        return perms.may_see_synthesis(user)

    def get_candidate(self):
        if not hasattr(self, "_candidate"):
            self._candidate = get_object_or_404(
                perms.synthesis_dossiers_for(self.request.user).select_related(
                    "employment_area", "organisation", "status", "situation"
                ),
                pk=self.kwargs["pk"],
            )
        return self._candidate

    def get_page_title(self):
        return f"Avis de la commission : {self.get_candidate().display_name}"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request, self.get_candidate(), AccessAction.VIEW)
        return response

    def get_context_data(self, **kwargs):
        candidate = self.get_candidate()
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            candidate=candidate,
            synthesis=synthesis_context(candidate, audience=perms.audience_for(user)),
            analyses=candidate.commission_analyses.select_related("session", "session__territory", "recruiter")
            .annotate(partner_count=Count("session__partners"))
            .order_by("-session__date"),
            plan=TrainingPlan.objects.filter(candidate=candidate).prefetch_related("actions").first(),
            dossier_url=reverse("recruitment_dossiers:edit", args=[candidate.pk])
            if dossiers_for(user).filter(pk=candidate.pk).exists()
            else "",
        )
        return context


class FollowedDossiersView(CommissionView):
    """Dossiers presented to the commission, for the advisers of their organisation (and the commission)."""

    template_name = "commission/followed.html"
    header_icon = "folder-open-inverse"
    page_title = "Avis de la commission sur vos dossiers"
    paginate_by = 50

    def has_permission(self, user):
        return perms.may_see_synthesis(user)

    def get_context_data(self, **kwargs):
        analyses = (
            Analysis.objects.filter(candidate__in=perms.synthesis_dossiers_for(self.request.user))
            .select_related("session", "candidate", "candidate__organisation", "candidate__training_plan")
            .order_by("-session__date", "candidate__last_name", "candidate__first_name", "pk")
        )
        query = self.request.GET.get("q", "").strip()
        for word in query.split():
            analyses = analyses.filter(
                Q(candidate__last_name__icontains=word) | Q(candidate__first_name__icontains=word)
            )
        page = Paginator(analyses, self.paginate_by).get_page(self.request.GET.get("p"))
        context = super().get_context_data(**kwargs)
        context.update(page=page, query=query)
        return context
