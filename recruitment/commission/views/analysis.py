"""The advisory recruiter's analysis in five panels, and the pilot's final classification of a dossier."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone

from recruitment.models import MobilityFrequency, MobilityZone

from .. import perms, services
from ..enums import MasteryLevel
from ..forms import AnalysisForm, ClassificationForm, ProjectForm, parse_mobility, parse_skills, skill_groups
from ..synthesis import synthesis_context
from .base import AnalysisMixin, CommissionView


class AnalysisView(AnalysisMixin, CommissionView):
    template_name = "commission/analysis_form.html"
    header_icon = "form"

    def has_permission(self, user):
        return perms.may_fill_analyses(user)

    def get_analysis(self):
        analysis = super().get_analysis()
        if not perms.may_edit_analysis(self.request.user, analysis):
            raise PermissionDenied
        return analysis

    def get_page_title(self):
        return f"Analyse de l'employabilité : {self.get_analysis().candidate.display_name}"

    def get_context_data(self, form=None, project_form=None, **kwargs):
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
            mastery_levels=MasteryLevel.choices,
            zones=list(MobilityZone.objects.filter(is_active=True)),
            frequencies=list(MobilityFrequency.objects.filter(is_active=True)),
            chosen_mobility=chosen_mobility,
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
        analysis.candidate = project_form.save()
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


class ClassifyView(AnalysisMixin, CommissionView):
    template_name = "commission/classify.html"
    header_icon = "tick"

    def has_permission(self, user):
        return perms.may_manage_sessions(user)

    def get_page_title(self):
        return f"Classification : {self.get_analysis().candidate.display_name}"

    def initial(self):
        analysis = self.get_analysis()
        return {
            "classification": services.effective_classification(analysis) or None,
            "dismissal_reason": analysis.dismissal_reason_id,
            "classified_on": analysis.candidate.classified_on or timezone.localdate(),
        }

    def get_context_data(self, form=None, **kwargs):
        analysis = self.get_analysis()
        context = super().get_context_data(**kwargs)
        context.update(
            analysis=analysis,
            form=form or ClassificationForm(initial=self.initial()),
            synthesis=synthesis_context(analysis.candidate, audience="commission", analysis=analysis),
        )
        return context

    def post(self, request, *args, **kwargs):
        analysis = self.get_analysis()
        form = ClassificationForm(request.POST)
        if form.is_valid():
            try:
                services.classify(analysis, **form.cleaned_data, user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, "Classification enregistrée.")
        return redirect("commission:session", pk=analysis.session_id)
