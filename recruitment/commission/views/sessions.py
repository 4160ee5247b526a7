"""A session's page: its dossiers and analyses; the pilot attaches dossiers, assigns recruiters, publishes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect

from recruitment.models import Candidate

from .. import notifications, perms, services
from ..enums import Classification
from ..forms import AttachForm
from .base import CommissionView, SessionMixin

OFFERED_AT_MOST = 300


class SessionDetailView(SessionMixin, CommissionView):
    template_name = "commission/session_detail.html"

    def get_page_title(self):
        return str(self.get_session())

    def candidates_to_offer(self):
        """Dossiers of the session's partners not yet attached (filtered by name with ?q=)."""
        session = self.get_session()
        queryset = (
            Candidate.objects.filter(organisation__in=session.partners.all(), anonymised_at__isnull=True)
            .exclude(commission_analyses__session=session)
            .select_related("status", "organisation", "consent")
            .order_by("last_name", "first_name")
        )
        for word in self.request.GET.get("q", "").split():
            queryset = queryset.filter(Q(last_name__icontains=word) | Q(first_name__icontains=word))
        return queryset

    def get_context_data(self, **kwargs):
        session = self.get_session()
        user = self.request.user
        recruiters = list(session.recruiters.all())
        recruiter_ids = {r.pk for r in recruiters}
        analyses = list(
            session.analyses.select_related(
                "candidate", "candidate__organisation", "candidate__status", "recruiter"
            ).order_by("candidate__last_name", "candidate__first_name")
        )
        for analysis in analyses:
            analysis.editable = perms.may_edit_analysis(user, analysis, session_recruiter_ids=recruiter_ids)
            analysis.effective = services.effective_classification(analysis)
        may_manage = perms.may_manage_sessions(user)
        context = super().get_context_data(**kwargs)
        context.update(
            session=session,
            analyses=analyses,
            partners=list(session.partners.all()),
            recruiters=recruiters,
            may_manage=may_manage,
            may_classify=may_manage,
            classification_labels=dict(Classification.choices),
            query=self.request.GET.get("q", ""),
        )
        if may_manage:
            offered = self.candidates_to_offer()[:OFFERED_AT_MOST]
            context["attach_form"] = kwargs.get("attach_form") or AttachForm(queryset=offered)
            context["debriefing_count"] = len(services.debriefing_analyses(session))
        return context

    def post(self, request, *args, **kwargs):
        if not perms.may_manage_sessions(request.user):
            raise PermissionDenied
        session = self.get_session()
        if "assign" in request.POST:
            return self.assign(request, session)
        if "absent" in request.POST:
            analysis = get_object_or_404(
                session.analyses.select_related("candidate"), pk=request.POST.get("analysis") or 0
            )
            services.mark_absent(analysis, request.user)
            messages.success(request, f"{analysis.candidate} : absent à l'entretien conseil.")
            return redirect("commission:session", pk=session.pk)
        form = AttachForm(request.POST, queryset=self.candidates_to_offer())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(attach_form=form))
        attached, refused = services.attach(session, form.cleaned_data["candidates"], request.user)
        if attached:
            notifications.notify_dossiers_attached(session, attached)
            messages.success(request, f"{len(attached)} dossier(s) rattaché(s) à la session.")
        for candidate, reason in refused:
            messages.error(request, f"{candidate} : dossier refusé. {reason}")
        return redirect("commission:session", pk=session.pk)

    def assign(self, request, session):
        """The pilot gives a dossier to one of the session's advisory recruiters."""
        analysis = get_object_or_404(session.analyses, pk=request.POST.get("analysis") or 0)
        recruiter_id = request.POST.get("recruiter") or ""
        analysis.recruiter = get_object_or_404(session.recruiters.all(), pk=recruiter_id) if recruiter_id else None
        analysis.save(update_fields=["recruiter", "updated_at"])
        messages.success(request, f"Recruteur conseil de {analysis.candidate} : {analysis.recruiter or 'aucun'}.")
        return redirect("commission:session", pk=session.pk)


class PublishView(SessionMixin, CommissionView):
    """Announce the publication of the session's dossiers (extranet-only news item)."""

    def has_permission(self, user):
        return perms.may_manage_sessions(user)

    def get(self, request, *args, **kwargs):
        return redirect("commission:session", pk=self.get_session().pk)

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        try:
            page = services.publish_session(session, user=request.user, live=request.POST.get("live") == "1")
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            state = "publiée" if page.live else "créée en brouillon"
            messages.success(request, f"Actualité interne « {page.title} » {state}.")
        return redirect("commission:session", pk=session.pk)
