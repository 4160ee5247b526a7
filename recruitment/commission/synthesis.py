"""The candidate synthesis ("Avis sur l'employabilité" and the five panels), one contract for three audiences.

`synthesis_context(candidate, audience=...)` returns a plain dict rendered by the include
"commission/includes/synthesis.html" (`{% include "commission/includes/synthesis.html" with synthesis=ctx %}`).
The commission, the Référent Emploi and the company recruiter get the same synthesis; only the
"commission" and "adviser" audiences get the internal notes and the internal documents.
"""

from django.urls import reverse

from recruitment.enums import Classification

from .charts import synthesis_radar
from .enums import SCALES, AnalysisState
from .rules import group_by

AUDIENCES = ("commission", "adviser", "company")


def latest_analysis(candidate, *, completed_only=True):
    """The analysis the synthesis shows: the latest completed one (by session date)."""
    queryset = candidate.commission_analyses.select_related("session")
    if completed_only:
        queryset = queryset.filter(state=AnalysisState.COMPLETED)
    return queryset.order_by("-session__date", "-pk").first()


def _display(value):
    if value is None or value == "":
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _pairs(*pairs):
    return [{"label": label, "value": _display(value)} for label, value in pairs]


def scales_of(analysis):
    """The five scales, each with its six steps and the chosen one (None when not given)."""
    rows = []
    for field, title, question, choices in SCALES:
        value = getattr(analysis, field) if analysis else None
        rows.append(
            {
                "field": field,
                "title": title,
                "question": question,
                "value": value,
                "label": choices(value).label if value else "Non renseigné",
                "steps": [
                    {"value": step.value, "label": step.label, "selected": step.value == value} for step in choices
                ],
            }
        )
    return rows


def synthesis_context(candidate, *, audience, analysis=None):
    """Everything the synthesis template needs; `analysis` overrides the latest completed one."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}")
    internal = audience != "company"
    if analysis is None:
        analysis = latest_analysis(candidate)

    current_job_ids = set(candidate.current_jobs.values_list("pk", flat=True))
    context = {
        "audience": audience,
        "show_internal": internal,
        "candidate": candidate,
        "header": (
            f"{candidate.get_civility_display()} {candidate.last_name} ({candidate.first_name}) - "
            f"{candidate.employment_area} / {candidate.city}"
        ),
        "analysis": analysis,
        "session": analysis.session if analysis else None,
        "scales": scales_of(analysis),
        "classification": {
            "code": candidate.classification or "",
            "label": Classification(candidate.classification).label if candidate.classification else "Non classé",
            "date": candidate.classified_on,
            "dismissal_reason": "",
        },
        "cv_opinion": "",
        "interview_opinion": "",
        "advice": "",
        "training": [],
        "training_comment": "",
        "possible_jobs": [],
        "skills": [],
        "behaviours": [],
        "mobility": [],
        "move": [],
        "experience": [],
        "qualification": [],
        "project": [],
        "project_jobs": [],
        "internal_notes": "",
        "internal_documents": [],
    }
    context["radar"] = synthesis_radar(context["scales"])
    if candidate.classification == Classification.DISMISSED:
        reason_source = (
            analysis
            if analysis and analysis.dismissal_reason_id
            else candidate.commission_analyses.filter(dismissal_reason__isnull=False)
            .select_related("dismissal_reason")
            .order_by("-session__date", "-pk")
            .first()
        )
        if reason_source:
            context["classification"]["dismissal_reason"] = str(reason_source.dismissal_reason)

    # Panel 5 comes from the dossier itself, analysed or not.
    context["project"] = _pairs(
        ("Objectif professionnel", candidate.get_objective_display() if candidate.objective else ""),
        ("Souhaits et attentes du candidat", candidate.wishes),
        ("Type(s) d'entreprise souhaité(s)", ", ".join(str(t) for t in candidate.company_types.all())),
        ("Type(s) de contrat recherché(s)", ", ".join(str(t) for t in candidate.contract_types.all())),
        ("Niveau de disponibilité", candidate.get_availability_display() if candidate.availability else ""),
        ("Niveau de salaire dans le dernier poste occupé", candidate.last_salary),
        ("Prétention salariale actuelle", candidate.expected_salary),
        ("Salaire minimum accepté", candidate.minimum_salary),
        ("Autres informations", candidate.other_information),
    )
    context["project_jobs"] = [
        {"family": str(family), "jobs": [job.name for job in jobs]}
        for family, jobs in group_by(
            candidate.wished_jobs.select_related("family").order_by("family__order", "family__name", "order"),
            key=lambda job: job.family,
        )
    ]

    if internal:
        context["internal_documents"] = [
            {"title": str(doc), "url": reverse("recruitment:document", args=[candidate.pk, "interne", doc.pk])}
            for doc in candidate.internal_documents.all()
        ]

    if analysis is None:
        return context

    context.update(
        cv_opinion=analysis.cv_opinion,
        interview_opinion=analysis.interview_opinion,
        advice=analysis.advice,
        training_comment=analysis.training_comment,
        training=[
            {"code": course.code.upper(), "name": course.name, "definition": course.definition}
            for course in analysis.training_courses.order_by("order", "code")
        ],
        internal_notes=analysis.internal_notes if internal else "",
    )
    possible = analysis.possible_jobs.select_related("family").order_by("family__order", "family__name", "order")
    context["possible_jobs"] = [
        {
            "family": str(family),
            "bold": any(job.pk in current_job_ids for job in jobs),
            "jobs": [job.name for job in jobs],
        }
        for family, jobs in group_by(possible, key=lambda job: job.family)
    ]
    skills = analysis.skills.select_related("skill__theme").order_by(
        "skill__theme__order", "skill__theme__name", "skill__order", "skill__name"
    )
    context["skills"] = [
        {"theme": str(theme), "skills": [{"name": s.skill.name, "level": s.get_level_display()} for s in items]}
        for theme, items in group_by(skills, key=lambda s: s.skill.theme)
    ]
    traits = analysis.behaviour_traits.select_related("category").order_by(
        "category__order", "category__name", "order", "name"
    )
    context["behaviours"] = [
        {"category": str(category), "traits": [t.name for t in items]}
        for category, items in group_by(traits, key=lambda t: t.category)
    ]
    context["mobility"] = [
        {"zone": str(m.zone), "frequency": str(m.frequency)}
        for m in analysis.mobilities.select_related("zone", "frequency")
    ]
    context["move"] = _pairs(
        (
            "Accepte de déménager pour trouver un poste dans une autre zone",
            {True: "Oui", False: "Non"}.get(analysis.accepts_move, ""),
        ),
        ("Zones de déménagement acceptées", analysis.move_zones),
    )
    context["experience"] = _pairs(
        ("Années d'expérience dans un métier du numérique", analysis.digital_experience),
        ("Années d'expérience dans un métier hors numérique", analysis.other_experience),
        ("Date de fin du dernier emploi", analysis.last_job_end),
        ("Durée cumulée sans emploi", analysis.time_without_job),
        ("Occupation pendant la période sans emploi", analysis.occupation_without_job),
        ("Nombre de mois de stage ou d'alternance (si jamais travaillé)", analysis.internship_months),
    )
    context["qualification"] = _pairs(
        ("Niveau le plus élevé avec diplôme", analysis.level_with_diploma),
        ("Niveau le plus élevé sans diplôme", analysis.level_without_diploma),
        ("Diplôme le plus élevé lié au numérique", analysis.digital_diploma),
        ("Diplôme le plus élevé hors numérique", analysis.other_diploma),
        ("Habilitations et certifications", analysis.certifications),
    )
    return context
