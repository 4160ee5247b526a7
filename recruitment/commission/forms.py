"""Forms of the commission screens (the analysis form is split in panels; skills and mobility are parsed here)."""

from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from portal.organisations.models import Organisation, Territory
from recruitment.models import (
    BehaviourTrait,
    Candidate,
    DismissalReason,
    Job,
    MobilityFrequency,
    MobilityZone,
    Skill,
    TrainingCourse,
)
from recruitment.sar.filters import DateInput as FrenchDateInput
from recruitment.widgets import JobTreeWidget

from . import rules, services
from .enums import SCALES, Classification, MasteryLevel
from .models import Analysis
from .statistics import PERIODS

SCALE_FIELDS = [field for field, _t, _q, _c in SCALES]


class ScaleRadio(forms.RadioSelect):
    """The six steps of a scale as large radio buttons (tablet-friendly)."""


class AnalysisForm(forms.ModelForm):
    """The advisory recruiter's analysis; every field is optional while the analysis is a draft."""

    class Meta:
        model = Analysis
        fields = [
            "competence_opinion",
            "behaviour_traits",
            "accepts_move",
            "move_zones",
            "behaviour_opinion",
            "digital_experience",
            "other_experience",
            "last_job_end",
            "time_without_job",
            "occupation_without_job",
            "internship_months",
            "experience_opinion",
            "level_with_diploma",
            "level_without_diploma",
            "digital_diploma",
            "other_diploma",
            "certifications",
            "qualification_opinion",
            "project_opinion",
            "cv_opinion",
            "interview_opinion",
            "possible_jobs",
            "training_courses",
            "training_comment",
            "advice",
            "proposed_classification",
            "dismissal_reason",
            "internal_notes",
        ]
        widgets = {
            "last_job_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "accepts_move": forms.RadioSelect(choices=[(True, "Oui"), (False, "Non")]),
            "proposed_classification": forms.RadioSelect,
            "internship_months": forms.NumberInput(attrs={"min": 0, "max": 120}),
            "cv_opinion": forms.Textarea(attrs={"rows": 3}),
            "interview_opinion": forms.Textarea(attrs={"rows": 3}),
            "training_comment": forms.Textarea(attrs={"rows": 2}),
            "advice": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
            "certifications": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SCALE_FIELDS:
            field = self.fields[name]
            field.widget = ScaleRadio(choices=[c for c in field.choices if c[0] != ""])
        self.fields["accepts_move"] = forms.TypedChoiceField(
            label=self.fields["accepts_move"].label,
            choices=[("True", "Oui"), ("False", "Non")],
            coerce=lambda v: v == "True",
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
        )
        # Set the widget before the queryset: the queryset setter gives the widget its choices.
        traits = self.fields["behaviour_traits"]
        traits.widget = forms.CheckboxSelectMultiple()
        traits.label_from_instance = lambda t: f"{t.category} – {t.name}"
        traits.queryset = BehaviourTrait.objects.filter(is_active=True).select_related("category")
        jobs = self.fields["possible_jobs"]
        jobs.widget = JobTreeWidget()
        jobs.queryset = Job.objects.filter(is_active=True)
        courses = self.fields["training_courses"]
        courses.widget = forms.CheckboxSelectMultiple()
        courses.queryset = TrainingCourse.objects.filter(is_active=True)
        self.fields["proposed_classification"].choices = Classification.choices
        self.fields["dismissal_reason"].queryset = DismissalReason.objects.filter(is_active=True)


class ProjectForm(forms.ModelForm):
    """Panel 5, "Projet professionnel": the dossier's own fields, completed after the interview."""

    class Meta:
        model = Candidate
        fields = [
            "objective",
            "wishes",
            "company_types",
            "contract_types",
            "availability",
            "wished_jobs",
            "last_salary",
            "expected_salary",
            "minimum_salary",
            "other_information",
        ]
        widgets = {
            "objective": forms.RadioSelect,
            "availability": forms.RadioSelect,
            "company_types": forms.CheckboxSelectMultiple,
            "contract_types": forms.CheckboxSelectMultiple,
            "wishes": forms.Textarea(attrs={"rows": 3}),
            "other_information": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wished_jobs"].widget = JobTreeWidget()
        self.fields["wished_jobs"].queryset = self.fields["wished_jobs"].queryset
        for name in ("objective", "availability"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]


def skill_groups():
    """Active skills grouped by theme, for the searchable picker."""
    skills = Skill.objects.filter(is_active=True).select_related("theme").order_by("theme__order", "theme__name")
    return rules.group_by(skills, key=lambda s: s.theme)


def parse_skills(post):
    """{skill_id: level} from the picker's `skill-<id>` selects (empty values are dropped)."""
    chosen = {}
    valid = set(MasteryLevel.values)
    for key, value in post.items():
        if key.startswith("skill-") and value in valid:
            try:
                chosen[int(key[6:])] = value
            except ValueError:
                continue
    known = set(Skill.objects.filter(pk__in=chosen).values_list("pk", flat=True))
    return {pk: level for pk, level in chosen.items() if pk in known}


def parse_mobility(post):
    """{zone_id: frequency_id} from the `mobility-<zone id>` selects."""
    zones = set(MobilityZone.objects.values_list("pk", flat=True))
    frequencies = set(MobilityFrequency.objects.values_list("pk", flat=True))
    chosen = {}
    for zone in zones:
        value = post.get(f"mobility-{zone}", "")
        if value.isdigit() and int(value) in frequencies:
            chosen[zone] = int(value)
    return chosen


class AttachForm(forms.Form):
    candidates = forms.ModelMultipleChoiceField(
        label="Dossiers à rattacher", queryset=Candidate.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = queryset
        self.fields["candidates"].label_from_instance = lambda c: (
            f"{c.last_name} {c.first_name} – {c.organisation} – {c.status}"
            + ("" if c.has_consent else " – consentement non recueilli")
        )


class ClassificationForm(forms.Form):
    """The final classification (pilots and administrators only)."""

    classification = forms.ChoiceField(label="Classification", choices=Classification.choices, widget=forms.RadioSelect)
    dismissal_reason = forms.ModelChoiceField(
        label="Raison de la classification Sans suite",
        queryset=DismissalReason.objects.filter(is_active=True),
        required=False,
    )
    classified_on = forms.DateField(
        label="Date de classification",
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class DebriefingForm(ClassificationForm):
    """Final opinions per axis and the classification decided at the debriefing."""

    def __init__(self, *args, analysis, **kwargs):
        super().__init__(*args, **kwargs)
        for field_name, _title, question, choices in SCALES:
            self.fields[field_name] = forms.TypedChoiceField(
                label=question,
                choices=choices.choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=getattr(analysis, field_name),
            )
        # Keep the opinions first, the classification last, as on paper.
        order = [f for f, _t, _q, _c in SCALES] + ["classification", "dismissal_reason", "classified_on"]
        self.order_fields(order)


class StatisticsForm(forms.Form):
    start = forms.DateField(label="Du", required=False, widget=FrenchDateInput)
    end = forms.DateField(label="Au", required=False, widget=FrenchDateInput)
    territory = forms.ModelChoiceField(
        label="Territoire", queryset=Territory.objects.all(), required=False, empty_label="Tous"
    )
    period = forms.ChoiceField(
        label="Découpage par période",
        choices=[("", "Automatique"), *PERIODS.items()],
        required=False,
    )


class TrainingPlanForm(WagtailAdminModelForm):
    """A PIADC is opened for a classified dossier with consent (checked by TrainingPlan.clean)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("candidate")
        if field is not None:
            field.queryset = services.plan_candidates(keep=self.instance.candidate_id)


class TakeOverForm(forms.Form):
    """The commission takes over a trainee proposed by a company: the employment partner that will follow
    the candidate and its contact point (a person of that organisation)."""

    organisation = forms.ModelChoiceField(
        label="Partenaire Emploi qui suivra le candidat",
        queryset=None,
        error_messages={
            "required": "Choisissez le partenaire Emploi qui suivra le candidat.",
            "invalid_choice": "Choisissez un partenaire Emploi adhérent.",
        },
    )
    organisation_contact = forms.ModelChoiceField(
        label="Point de contact de l'organisme",
        queryset=None,
        help_text="Personne de l'organisme pour les échanges avec la commission.",
        error_messages={
            "required": "Choisissez le point de contact de l'organisme.",
            "invalid_choice": "Choisissez une personne de l'organisme sélectionné.",
        },
    )
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Facultatif : conservé dans l'historique du dossier.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Organisation.objects.employment_partners().accepted().order_by("name")
        organisation = self.fields["organisation"]
        organisation.queryset = partners
        # The dossier form's script reloads the contacts when the organisation changes.
        organisation.widget.attrs["data-organisation-select"] = reverse("recruitment:organisation_users")
        contact = self.fields["organisation_contact"]
        # Any active user validates here, so that the take-over service can say why a person does not fit.
        contact.queryset = get_user_model().objects.filter(is_active=True)
        contact.widget.attrs["data-contact-select"] = ""
        contact.widget.choices = [("", "---------"), *self._contact_choices(partners)]

    def _contact_choices(self, partners):
        """The selected partner's people; without a selection, every partner's people grouped by partner."""
        people = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "pk")
        org_id = str(self.data.get(self.add_prefix("organisation")) or self.initial.get("organisation") or "")
        if org_id.isdigit() and partners.filter(pk=org_id).exists():
            return [(person.pk, str(person)) for person in people.filter(organisation_id=org_id)]
        groups = {}
        for person in people.filter(organisation__in=partners).select_related("organisation"):
            groups.setdefault(person.organisation, []).append((person.pk, str(person)))
        return [(str(org), choices) for org, choices in sorted(groups.items(), key=lambda item: item[0].name)]
