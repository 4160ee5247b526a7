"""Filters of the pool search ("Recherche dans le vivier") and of the portfolio; all combined with AND."""

import django_filters
from django import forms
from django.db.models import Q
from wagtail.admin.filters import WagtailFilterSet

from portal.accounts.models import User
from portal.organisations.models import EmploymentArea
from recruitment.commission.enums import POOL_CLASSES, AnalysisState, MasteryLevel
from recruitment.commission.models import Analysis, EmployabilityProfile, ProfileSkill, TrainingAction
from recruitment.enums import Classification
from recruitment.models import (
    Candidate,
    ExperienceBand,
    Job,
    SarResult,
    SarStatus,
    Skill,
    SkillTheme,
    StudyLevel,
    TrainingCourse,
)
from recruitment.rules import search_words

from .enums import SheetAction
from .models import FollowUpSheet

POOL_CLASSIFICATION_CHOICES = [(value, label) for value, label in Classification.choices if value in POOL_CLASSES]
YES_NO = [("yes", "Oui"), ("no", "Non")]


def named(typed):
    """Ids of the dossiers whose name contains every typed word, accents and case ignored: the dossier search's
    one rule (`Candidate.objects.name_contains`, the stored `search_name`), for querysets reaching candidates
    through a relation (the portfolio's sheets)."""
    return Candidate.objects.name_contains(typed).values("pk")


def theme_skill_ids(themes):
    return list(Skill.objects.filter(theme__in=themes).values_list("pk", flat=True))


def candidates_with_skills(themes, levels):
    """Ids of candidates whose employability profile has a skill in these themes at these levels.

    Used as `pk__in`; the themes' skills are resolved first so that the subquery is an index-only scan
    of the profiles' skills (commission_profskill_search), without a join.
    """
    skills = ProfileSkill.objects.all()
    if themes:
        skills = skills.filter(skill_id__in=theme_skill_ids(themes))
    if levels:
        skills = skills.filter(level__in=levels)
    return skills.values("profile_id")


def profiles(**lookups):
    """Ids of candidates whose employability profile (latest completed analysis) matches."""
    return EmployabilityProfile.objects.filter(**lookups).values("candidate_id")


def completed_analyses(**lookups):
    return Analysis.objects.filter(state=AnalysisState.COMPLETED, **lookups).values("candidate_id")


def training_holders(courses):
    """(wished, followed): ids of candidates for whom one of these courses is wished (recommended by a
    completed analysis) or followed (an action of their PIADC). The pool filter and the fit ranking."""
    followed = TrainingAction.objects.filter(course__in=courses).values("plan__candidate_id")
    return completed_analyses(training_courses__in=courses), followed


def with_training(courses):
    """Candidates (a Q on Candidate) for whom one of these courses is wished or followed."""
    wished, followed = training_holders(courses)
    return Q(pk__in=wished) | Q(pk__in=followed)


class DateInput(forms.DateInput):
    """A date typed the French way (jj/mm/aaaa), whatever the browser's language; ISO dates
    (2026-05-01, in links) are still accepted, as by every Django date field."""

    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {"placeholder": "jj/mm/aaaa", "inputmode": "numeric", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs, format="%d/%m/%Y")


class PoolFilterSet(django_filters.FilterSet):
    """The manual's pool filters; multi-value ones take several checked values."""

    employment_area = django_filters.ModelMultipleChoiceFilter(
        label="Bassin d'emploi",
        queryset=EmploymentArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # a column of the candidate: no join, no duplicate rows
    )
    name = django_filters.CharFilter(label="Nom du candidat", method="filter_name")
    current_jobs = django_filters.ModelMultipleChoiceFilter(
        label="Métiers actuels",
        queryset=Job.objects.select_related("family"),
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
        method="filter_current_jobs",
    )
    study_level = django_filters.ModelMultipleChoiceFilter(
        label="Niveau d'étude",
        queryset=StudyLevel.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        method="filter_profile",
    )
    digital_experience = django_filters.ModelMultipleChoiceFilter(
        label="Années exp numérique",
        queryset=ExperienceBand.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        method="filter_profile",
    )
    skill_theme = django_filters.ModelMultipleChoiceFilter(
        label="Thème de compétence",
        queryset=SkillTheme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        method="filter_skills",
    )
    mastery_level = django_filters.MultipleChoiceFilter(
        label="Niveau de maîtrise",
        choices=MasteryLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        method="filter_skills",
    )
    training = django_filters.ModelMultipleChoiceFilter(
        label="Formation envisagée ou suivie",
        queryset=TrainingCourse.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        method="filter_training",
    )
    classification = django_filters.MultipleChoiceFilter(
        label="Classification",
        choices=POOL_CLASSIFICATION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    classified_from = django_filters.DateFilter(
        label="Classifié à partir du", field_name="classified_on", lookup_expr="gte", widget=DateInput
    )
    classified_before = django_filters.DateFilter(
        label="Classifié avant le", field_name="classified_on", lookup_expr="lt", widget=DateInput
    )
    situation_changed_from = django_filters.DateFilter(
        label="Changement de situation à partir du", field_name="situation_date", lookup_expr="gte", widget=DateInput
    )

    class Meta:
        model = Candidate
        fields = []

    def filter_name(self, queryset, name, value):
        # The dossier search's rule: accents and case ignored on every database ('elise' finds 'Élise').
        return queryset.name_contains(value)

    def filter_profile(self, queryset, name, value):
        """Study level (exact levels: the highest with diploma) and digital experience, as the commission
        last recorded them (the columns shown): one subquery for both filters."""
        data = self.form.cleaned_data
        if not value or name == "digital_experience" and data.get("study_level"):
            return queryset  # nothing chosen, or already applied with the study level
        lookups = {f"{field}__in": data[field] for field in ("study_level", "digital_experience") if data.get(field)}
        return queryset.filter(pk__in=profiles(**lookups))

    def filter_skills(self, queryset, name, value):
        """Theme and mastery level apply to the same skill: one subquery for both filters."""
        data = self.form.cleaned_data
        if not value or name == "mastery_level" and data.get("skill_theme"):
            return queryset  # nothing chosen, or already applied with the theme
        return queryset.filter(pk__in=candidates_with_skills(data.get("skill_theme"), data.get("mastery_level")))

    def filter_training(self, queryset, name, value):
        """Wished (recommended by the commission) or followed (an action of the candidate's PIADC)."""
        return queryset.filter(with_training(value)) if value else queryset

    def filter_current_jobs(self, queryset, name, value):
        if not value:
            return queryset
        # A subquery keeps one row per candidate (no DISTINCT over the whole result).
        matching = Candidate.current_jobs.through.objects.filter(job__in=value).values("candidate_id")
        return queryset.filter(pk__in=matching)


class PortfolioFilterSet(WagtailFilterSet):
    """The manual's portfolio filters (Gérer mon portefeuille de candidats)."""

    mine = django_filters.BooleanFilter(
        label="Mes fiches de suivi de recrutement", method="filter_mine", widget=forms.HiddenInput
    )
    overdue = django_filters.BooleanFilter(
        label="Mes fiches dépassées", method="filter_overdue", widget=forms.HiddenInput
    )
    employment_area = django_filters.ModelChoiceFilter(
        label="Bassin d'emploi",
        field_name="candidate__employment_area",
        queryset=EmploymentArea.objects.all(),
        empty_label="- Tout -",
    )
    name = django_filters.CharFilter(label="Nom du candidat", method="filter_name")
    created_by = django_filters.ModelChoiceFilter(
        label="Recruteur", queryset=User.objects.none(), empty_label="- Tout -"
    )
    current_jobs = django_filters.ModelMultipleChoiceFilter(
        label="Métiers actuels", queryset=Job.objects.select_related("family"), method="filter_current_jobs"
    )
    classification = django_filters.ChoiceFilter(
        label="Classification",
        field_name="candidate__classification",
        choices=Classification.choices,
        empty_label="- Tout -",
    )
    status = django_filters.ModelMultipleChoiceFilter(
        label="Statut", queryset=SarStatus.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    result = django_filters.ModelChoiceFilter(
        label="Résultat", queryset=SarResult.objects.all(), empty_label="- Tout -"
    )
    action = django_filters.ChoiceFilter(
        label="Actions effectuées", choices=SheetAction.choices, method="filter_action", empty_label="- Tout -"
    )
    no_response = django_filters.ChoiceFilter(
        label="Non réponse", choices=YES_NO, method="filter_no_response", empty_label="- Tout -"
    )
    skill_theme = django_filters.ModelMultipleChoiceFilter(
        label="Thème de compétence", queryset=SkillTheme.objects.filter(is_active=True), method="filter_skills"
    )
    mastery_level = django_filters.MultipleChoiceFilter(
        label="Niveau de maîtrise", choices=MasteryLevel.choices, method="filter_skills"
    )
    created_from = django_filters.DateFilter(
        label="Date de création >=", field_name="created_at", lookup_expr="date__gte", widget=DateInput
    )
    due_before = django_filters.DateFilter(
        label="Date d'échéance <", field_name="due_on", lookup_expr="lt", widget=DateInput
    )

    class Meta:
        model = FollowUpSheet
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        organisation_id = getattr(getattr(request, "user", None), "organisation_id", None)
        self.filters["created_by"].queryset = (
            User.objects.filter(organisation_id=organisation_id, sar_sheets__isnull=False)
            .distinct()
            .order_by("last_name", "first_name")
        )

    def filter_mine(self, queryset, name, value):
        return queryset.filter(created_by=self.request.user) if value else queryset

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(created_by=self.request.user).overdue()

    def filter_name(self, queryset, name, value):
        return queryset.filter(candidate_id__in=named(value)) if search_words(value) else queryset

    def filter_current_jobs(self, queryset, name, value):
        if not value:
            return queryset
        matching = Candidate.current_jobs.through.objects.filter(job__in=value).values("candidate_id")
        return queryset.filter(candidate_id__in=matching)

    def filter_skills(self, queryset, name, value):
        data = self.form.cleaned_data
        if not value or name == "mastery_level" and data.get("skill_theme"):
            return queryset  # nothing chosen, or already applied with the theme
        skills = candidates_with_skills(data.get("skill_theme"), data.get("mastery_level"))
        return queryset.filter(candidate_id__in=skills)

    def filter_action(self, queryset, name, value):
        return queryset.filter(actions__contains=f"|{value}|") if value else queryset

    def filter_no_response(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(no_response=True)
        if value == "no":
            return queryset.filter(no_response=False)
        return queryset
