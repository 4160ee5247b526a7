"""Build the employability profiles of the analyses completed before profiles existed.

Self-contained (migrations must not import the app's code, which follows the current models): the same
rule as recruitment.commission.profiles, the latest completed analysis per candidate.
"""

from django.db import migrations


def fill(apps, schema_editor):
    Analysis = apps.get_model("commission", "Analysis")
    AnalysisSkill = apps.get_model("commission", "AnalysisSkill")
    EmployabilityProfile = apps.get_model("commission", "EmployabilityProfile")
    ProfileSkill = apps.get_model("commission", "ProfileSkill")
    latest = {}
    rows = (
        Analysis.objects.filter(state="completed")
        .order_by("candidate_id", "-session__date", "-pk")
        .values_list("candidate_id", "pk", "level_with_diploma_id", "digital_experience_id")
    )
    for candidate_id, *analysis in rows.iterator(chunk_size=2000):
        latest.setdefault(candidate_id, analysis)
    EmployabilityProfile.objects.bulk_create(
        [
            EmployabilityProfile(candidate_id=c, analysis_id=a, study_level_id=level, digital_experience_id=band)
            for c, (a, level, band) in latest.items()
        ],
        batch_size=1000,
    )
    candidate_of = {analysis_id: candidate_id for candidate_id, (analysis_id, _l, _b) in latest.items()}
    skills = AnalysisSkill.objects.filter(analysis__state="completed").order_by().values_list("analysis_id", "skill_id", "level")
    ProfileSkill.objects.bulk_create(
        (
            ProfileSkill(profile_id=candidate_of[analysis_id], skill_id=skill_id, level=level)
            for analysis_id, skill_id, level in skills.iterator(chunk_size=5000)
            if analysis_id in candidate_of
        ),
        batch_size=5000,
    )


def empty(apps, schema_editor):
    apps.get_model("commission", "EmployabilityProfile").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("commission", "0002_employability_profile")]

    operations = [migrations.RunPython(fill, empty)]
