"""Commission screens in the extranet (mounted under /extranet/commission/ by wagtail_hooks).

Every view checks recruitment.commission.perms on the server and scopes its queryset: an object
outside the user's scope answers 404, a screen the role may not use answers 403.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from recruitment.models import Candidate, MobilityFrequency, MobilityZone
from recruitment.perms import dossiers_for

from . import notifications, perms, services
from .enums import SCALES, Classification
from .forms import (
    AnalysisForm,
    AttachForm,
    ClassificationForm,
    DebriefingForm,
    ProjectForm,
    StatisticsForm,
    parse_mobility,
    parse_skills,
    skill_groups,
)
from .models import Analysis, Session
from .statistics import COLUMNS, chart_rows, statistics
from .synthesis import synthesis_context


class CommissionView(WagtailAdminTemplateMixin, TemplateView):
    """Base: French title, the commission's breadcrumbs, and a permission check before anything runs."""

    header_icon = "group"

    def has_permission(self, user):
        return perms.may_see_sessions(user)

    def dispatch(self, request, *args, **kwargs):
        if perms.is_company_recruiter_only(request.user) or not self.has_permission(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [*super().get_breadcrumbs_items()]
        if perms.may_see_sessions(self.request.user):
            items.append({"url": reverse("commission_sessions:index"), "label": "Sessions de la commission"})
        items.append({"url": "", "label": self.get_page_title()})
        return items


# --- Sessions ------------------------------------------------------------------------------------


class SessionDetailView(CommissionView):
    template_name = "commission/session_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.session = None

    def get_session(self):
        if self.session is None:
            self.session = get_object_or_404(
                perms.sessions_for(self.request.user).select_related("territory", "pilot"), pk=self.kwargs["pk"]
            )
        return self.session

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
        query = self.request.GET.get("q", "").strip()
        for word in query.split():
            queryset = queryset.filter(Q(last_name__icontains=word) | Q(first_name__icontains=word))
        return queryset

    def get_context_data(self, **kwargs):
        session = self.get_session()
        user = self.request.user
        analyses = list(
            session.analyses.select_related(
                "candidate", "candidate__organisation", "candidate__status", "recruiter"
            ).order_by("candidate__last_name", "candidate__first_name")
        )
        for analysis in analyses:
            analysis.editable = perms.may_edit_analysis(user, analysis)
            analysis.effective = services.effective_classification(analysis)
        context = super().get_context_data(**kwargs)
        context.update(
            session=session,
            analyses=analyses,
            partners=list(session.partners.all()),
            recruiters=list(session.recruiters.all()),
            may_manage=perms.may_manage_sessions(user),
            may_classify=perms.may_set_classification(user),
            classification_labels=dict(Classification.choices),
            query=self.request.GET.get("q", ""),
        )
        if perms.may_manage_sessions(user):
            context["attach_form"] = kwargs.get("attach_form") or AttachForm(queryset=self.candidates_to_offer()[:300])
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
        if recruiter_id:
            analysis.recruiter = get_object_or_404(session.recruiters.all(), pk=recruiter_id)
        else:
            analysis.recruiter = None
        analysis.save(update_fields=["recruiter", "updated_at"])
        messages.success(request, f"Recruteur conseil de {analysis.candidate} : {analysis.recruiter or 'aucun'}.")
        return redirect("commission:session", pk=session.pk)


class PublishView(SessionDetailView):
    """Announce the publication of the session's dossiers (extranet-only news item)."""

    def has_permission(self, user):
        return perms.may_manage_sessions(user)

    def get(self, request, *args, **kwargs):
        return redirect("commission:session", pk=self.kwargs["pk"])

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


# --- Analysis ------------------------------------------------------------------------------------


class AnalysisView(CommissionView):
    template_name = "commission/analysis_form.html"
    header_icon = "form"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.analysis = None

    def get_analysis(self):
        if self.analysis is None:
            self.analysis = get_object_or_404(
                perms.analyses_for(self.request.user).select_related("session", "candidate", "recruiter"),
                pk=self.kwargs["pk"],
            )
            if not perms.may_edit_analysis(self.request.user, self.analysis):
                raise PermissionDenied
        return self.analysis

    def get_page_title(self):
        return f"Analyse de l'employabilité : {self.get_analysis().candidate.display_name}"

    def get_context_data(self, form=None, project_form=None, missing=None, **kwargs):
        analysis = self.get_analysis()
        data = self.request.POST if self.request.method == "POST" else None
        chosen_skills = (
            parse_skills(data) if data is not None else dict(analysis.skills.values_list("skill_id", "level"))
        )
        chosen_mobility = (
            parse_mobility(data)
            if data is not None
            else dict(analysis.mobilities.values_list("zone_id", "frequency_id"))
        )
        form = form or AnalysisForm(instance=analysis)
        context = super().get_context_data(**kwargs)
        context.update(
            analysis=analysis,
            candidate=analysis.candidate,
            form=form,
            project_form=project_form or ProjectForm(instance=analysis.candidate, prefix="projet"),
            courses=list(zip(form["training_courses"], form.fields["training_courses"].queryset, strict=False)),
            skill_groups=skill_groups(),
            chosen_skills=chosen_skills,
            mastery_levels=[("debutant", "Débutant"), ("operationnel", "Opérationnel"), ("experimente", "Expérimenté")],
            zones=list(MobilityZone.objects.filter(is_active=True)),
            frequencies=list(MobilityFrequency.objects.filter(is_active=True)),
            chosen_mobility=chosen_mobility,
            missing=missing or [],
        )
        return context

    def post(self, request, *args, **kwargs):
        analysis = self.get_analysis()
        form = AnalysisForm(request.POST, instance=analysis)
        project_form = ProjectForm(request.POST, instance=analysis.candidate, prefix="projet")
        if not (form.is_valid() and project_form.is_valid()):
            messages.error(request, "L'analyse n'a pas été enregistrée : corrigez les erreurs signalées.")
            return self.render_to_response(self.get_context_data(form=form, project_form=project_form))
        analysis = form.save(commit=False)
        candidate = project_form.save()
        analysis.candidate = candidate
        complete = "complete" in request.POST
        missing = services.save_analysis(
            analysis,
            skills=parse_skills(request.POST),
            mobility=parse_mobility(request.POST),
            user=request.user,
            complete=complete,
        )
        form.save_m2m()
        if complete and missing:
            messages.warning(
                request, "Brouillon enregistré. Pour terminer l'analyse, il manque : " + ", ".join(missing) + "."
            )
        elif analysis.is_completed:
            messages.success(request, "Analyse enregistrée (terminée).")
        else:
            messages.success(request, "Brouillon de l'analyse enregistré : vous pourrez le reprendre plus tard.")
        return redirect("commission:analysis", pk=analysis.pk)


# --- Classification and debriefing -----------------------------------------------------------------


class ClassifyView(AnalysisView):
    template_name = "commission/classify.html"
    header_icon = "tick"

    def has_permission(self, user):
        return perms.may_set_classification(user)

    def get_analysis(self):
        if self.analysis is None:
            self.analysis = get_object_or_404(
                perms.analyses_for(self.request.user).select_related("session", "candidate"), pk=self.kwargs["pk"]
            )
        return self.analysis

    def get_page_title(self):
        return f"Classification : {self.get_analysis().candidate.display_name}"

    def initial(self):
        analysis = self.get_analysis()
        return {
            "classification": analysis.candidate.classification or analysis.proposed_classification or None,
            "dismissal_reason": analysis.dismissal_reason_id,
            "classified_on": analysis.candidate.classified_on or timezone.localdate(),
        }

    def get_context_data(self, form=None, **kwargs):
        analysis = self.get_analysis()
        context = WagtailAdminTemplateMixin.get_context_data(self, **kwargs)
        context.update(
            analysis=analysis,
            form=form or ClassificationForm(initial=self.initial()),
            synthesis=synthesis_context(analysis.candidate, audience="commission", analysis=analysis),
        )
        return context

    def post(self, request, *args, **kwargs):
        analysis = self.get_analysis()
        form = ClassificationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        services.classify(
            analysis,
            classification=form.cleaned_data["classification"],
            dismissal_reason=form.cleaned_data["dismissal_reason"],
            classified_on=form.cleaned_data["classified_on"],
            user=request.user,
        )
        messages.success(request, "Classification enregistrée.")
        return redirect("commission:session", pk=analysis.session_id)


class DebriefingView(SessionDetailView):
    """The pilot steps through the dossiers "À déterminer" and "Sans suite" of the session."""

    template_name = "commission/debriefing.html"

    def has_permission(self, user):
        return perms.may_manage_sessions(user)

    def get_page_title(self):
        return f"Débriefing – {self.get_session()}"

    def current(self, analyses):
        wanted = self.request.GET.get("dossier") or self.request.POST.get("dossier")
        if wanted and wanted.isdigit():
            found = next((a for a in analyses if a.pk == int(wanted)), None)
            if found is not None:
                return found
            # Already settled (e.g. classified Employable): back to the first dossier still to discuss.
            if not self.get_session().analyses.filter(pk=int(wanted)).exists():
                raise Http404
        return analyses[0] if analyses else None

    def get_context_data(self, form=None, **kwargs):
        session = self.get_session()
        analyses = services.debriefing_analyses(session)
        current = self.current(analyses)
        context = WagtailAdminTemplateMixin.get_context_data(self, **kwargs)
        context.update(session=session, analyses=analyses, current=current)
        if current:
            position = analyses.index(current)
            context.update(
                position=position + 1,
                next_analysis=analyses[position + 1] if position + 1 < len(analyses) else None,
                previous_analysis=analyses[position - 1] if position > 0 else None,
                synthesis=synthesis_context(current.candidate, audience="commission", analysis=current),
                form=form
                or DebriefingForm(
                    analysis=current,
                    initial={
                        "classification": services.effective_classification(current) or None,
                        "dismissal_reason": current.dismissal_reason_id,
                        "classified_on": current.candidate.classified_on or timezone.localdate(),
                    },
                ),
            )
        return context

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        analyses = services.debriefing_analyses(session)
        current = self.current(analyses)
        if current is None:
            raise Http404
        form = DebriefingForm(request.POST, analysis=current)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        services.classify(
            current,
            classification=data["classification"],
            dismissal_reason=data["dismissal_reason"],
            classified_on=data["classified_on"],
            user=request.user,
            opinions={field: data[field] for field, _t, _q, _c in SCALES},
        )
        messages.success(request, f"Avis et classification de {current.candidate} enregistrés.")
        position = analyses.index(current)
        following = analyses[position + 1] if position + 1 < len(analyses) else None
        url = reverse("commission:debriefing", args=[session.pk])
        return redirect(f"{url}?dossier={following.pk}" if following else url)


# --- The commission's opinion on a dossier (commission, training commission, Référent Emploi) ------


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

    def get_context_data(self, **kwargs):
        from .models import TrainingPlan

        candidate = self.get_candidate()
        user = self.request.user
        context = super().get_context_data(**kwargs)
        plan = TrainingPlan.objects.filter(candidate=candidate).prefetch_related(Prefetch("actions")).first()
        context.update(
            candidate=candidate,
            synthesis=synthesis_context(candidate, audience=perms.audience_for(user)),
            analyses=candidate.commission_analyses.select_related("session", "session__territory", "recruiter")
            .annotate(partner_count=Count("session__partners"))
            .order_by("-session__date"),
            plan=plan,
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
        from django.core.paginator import Paginator

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


# --- Statistics -------------------------------------------------------------------------------------


class StatisticsView(CommissionView):
    template_name = "commission/statistics.html"
    header_icon = "table"
    page_title = "Statistiques de la commission"

    def has_permission(self, user):
        return perms.may_see_statistics(user)

    def get(self, request, *args, **kwargs):
        form = StatisticsForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = statistics(filters.get("start"), filters.get("end"), filters.get("territory"))
        if request.GET.get("format") == "csv":
            return self.csv_response(rows)
        context = self.get_context_data(form=form, rows=rows, columns=COLUMNS, chart=chart_rows(rows))
        query = request.GET.copy()
        query["format"] = "csv"
        context["csv_url"] = f"{request.path}?{query.urlencode()}"
        return self.render_to_response(context)

    @staticmethod
    def csv_response(rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="statistiques-commission.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["Territoire", *[label for _key, label in COLUMNS]])
        for row in rows:
            writer.writerow(
                [row["label"], *["" if row["values"][k] is None else row["values"][k] for k, _l in COLUMNS]]
            )
        return response


def session_url(session):
    return reverse("commission:session", args=[session.pk])


__all__ = ["Analysis", "Session", "session_url"]
