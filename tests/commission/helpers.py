"""POST data of the commission forms, as the browser sends them."""

from recruitment.models import ExperienceBand, MobilityFrequency, MobilityZone, Skill, StudyLevel

FULL_OPINIONS = {
    "competence_opinion": "4",
    "behaviour_opinion": "5",
    "experience_opinion": "4",
    "qualification_opinion": "5",
    "project_opinion": "6",
}


def analysis_data(**overrides):
    skills = list(Skill.objects.order_by("theme__order", "order")[:2])
    zone, frequency = MobilityZone.objects.first(), MobilityFrequency.objects.first()
    data = {
        f"skill-{skills[0].pk}": "experimente",
        f"skill-{skills[1].pk}": "debutant",
        f"mobility-{zone.pk}": str(frequency.pk),
        "accepts_move": "True",
        "move_zones": "Grand Est",
        "digital_experience": str(ExperienceBand.objects.first().pk),
        "internship_months": "6",
        "level_with_diploma": str(StudyLevel.objects.last().pk),
        "cv_opinion": "CV lisible.",
        "interview_opinion": "Bon entretien.",
        "advice": "Relancer les entreprises.",
        "internal_notes": "Remarque interne.",
        "projet-wishes": "Développement web",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def assert_denied(response):
    """Refused: 403/404, or the extranet's redirect to the dashboard (permission denied) or to the login."""
    if response.status_code == 302:
        location = response["Location"]
        assert location == "/extranet/" or "/extranet/login/" in location, location
    else:
        assert response.status_code in (403, 404), response.status_code


def formset(prefix, forms=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, form in enumerate(forms):
        for key, value in form.items():
            data[f"{prefix}-{i}-{key}"] = value
        data.setdefault(f"{prefix}-{i}-ORDER", str(i + 1))
        data.setdefault(f"{prefix}-{i}-DELETE", "")
        data.setdefault(f"{prefix}-{i}-id", "")
    return data
