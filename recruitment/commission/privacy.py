"""The commission's part of a candidate's data protection: its decisions in the right-of-access export,
the erasure of its free texts (the classification, opinions and skills levels stay for the statistics)."""

from portal.history import snapshot
from recruitment.privacy import Section
from recruitment.scrub import scrub_object_history

from .forms import AnalysisForm
from .models import Analysis, TrainingPlan

#: Free texts about the person: erased with the dossier.
ANALYSIS_TEXTS = [
    "move_zones",
    "occupation_without_job",
    "digital_diploma",
    "other_diploma",
    "certifications",
    "cv_opinion",
    "interview_opinion",
    "training_comment",
    "advice",
    "internal_notes",
]
# What the advisory recruiter fills in (the form's fields), with who and when.
ANALYSIS_FIELDS = ["state", "recruiter", *AnalysisForm.Meta.fields, "completed_at"]


def _items(instance, names):
    values = snapshot(instance, names)
    return [(str(instance._meta.get_field(name).verbose_name).capitalize(), values[name]) for name in names]


def commission_sections(candidate):
    """One section per analysis (the commission's decisions), and the PIADC."""
    found = []
    analyses = Analysis.objects.filter(candidate=candidate).select_related("session", "recruiter")
    for analysis in analyses.prefetch_related("skills__skill").order_by("session__date", "pk"):
        items = [("Session", str(analysis.session)), *_items(analysis, ANALYSIS_FIELDS)]
        skills = ", ".join(str(skill) for skill in analysis.skills.all())
        items.append(("Savoir-faire évalués", skills))
        found.append(Section(f"Commission : {analysis.session}", items))
    plan = TrainingPlan.objects.filter(candidate=candidate).prefetch_related("actions__course").first()
    if plan is not None:
        found.append(
            Section(
                "Plan individuel ADC (PIADC)",
                [("État", plan.get_state_display()), ("Commentaire", plan.comment)],
                columns=["Action", "Organisme", "Début", "État"],
                rows=[
                    [str(a), a.organisation, a.start_date.strftime("%d/%m/%Y") if a.start_date else "",
                     a.get_state_display()]
                    for a in plan.actions.all()
                ],
            )
        )  # fmt: skip
    return found


def erase_commission_data(candidate):
    analyses = Analysis.objects.filter(candidate=candidate)
    analysis_ids = list(analyses.values_list("pk", flat=True))
    analyses.update(**dict.fromkeys(ANALYSIS_TEXTS, ""))
    plans = TrainingPlan.objects.filter(candidate=candidate)
    plan_ids = list(plans.values_list("pk", flat=True))
    plans.update(comment="")
    scrub_object_history(Analysis, analysis_ids)
    scrub_object_history(TrainingPlan, plan_ids)
