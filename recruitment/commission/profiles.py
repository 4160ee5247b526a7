"""Employability profiles: each candidate's latest completed analysis, as the pool search reads it.

`refresh_profiles()` rebuilds them from the analyses; the signal receivers below call it whenever an
analysis, one of its assessed skills or its session is saved or deleted. Bulk loads that bypass signals
(`bulk_create`, `update`) call it themselves.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .enums import AnalysisState
from .models import Analysis, AnalysisSkill, EmployabilityProfile, ProfileSkill, Session

CHUNK = 500  # candidates per round trip (SQLite limits the parameters of a query)


def latest_completed_analyses(candidate_ids):
    """{candidate id: (analysis id, study level id, digital experience id)} of the latest completed analysis
    (latest session first, then the latest attached)."""
    latest = {}
    rows = (
        Analysis.objects.filter(candidate_id__in=candidate_ids, state=AnalysisState.COMPLETED)
        .order_by("candidate_id", "-session__date", "-pk")
        .values_list("candidate_id", "pk", "level_with_diploma_id", "digital_experience_id")
    )
    for candidate_id, *analysis in rows:
        latest.setdefault(candidate_id, analysis)
    return latest


def refresh_profiles(candidate_ids):
    """Rebuild the employability profiles of these candidates (none left for those without a completed analysis)."""
    candidate_ids = sorted(set(candidate_ids))
    for start in range(0, len(candidate_ids), CHUNK):
        chunk = candidate_ids[start : start + CHUNK]
        with transaction.atomic():
            EmployabilityProfile.objects.filter(candidate_id__in=chunk).delete()
            latest = latest_completed_analyses(chunk)
            EmployabilityProfile.objects.bulk_create(
                EmployabilityProfile(
                    candidate_id=candidate_id, analysis_id=analysis_id, study_level_id=level, digital_experience_id=band
                )
                for candidate_id, (analysis_id, level, band) in latest.items()
            )
            # No ORDER BY: AnalysisSkill's default ordering would join skills and themes for nothing.
            skills = AnalysisSkill.objects.filter(analysis_id__in=[pk for pk, _l, _b in latest.values()]).order_by()
            ProfileSkill.objects.bulk_create(
                ProfileSkill(profile_id=candidate_id, skill_id=skill_id, level=level)
                for candidate_id, skill_id, level in skills.values_list("analysis__candidate_id", "skill_id", "level")
            )


@receiver(post_save, sender=Analysis)
@receiver(post_delete, sender=Analysis)
def _analysis_changed(sender, instance, **kwargs):
    refresh_profiles([instance.candidate_id])


@receiver(post_save, sender=AnalysisSkill)
@receiver(post_delete, sender=AnalysisSkill)
def _skill_changed(sender, instance, **kwargs):
    # A draft's skills are not in any profile; a deleted analysis refreshes the profile itself.
    analysis = Analysis.objects.filter(pk=instance.analysis_id, state=AnalysisState.COMPLETED).first()
    if analysis is not None:
        refresh_profiles([analysis.candidate_id])


@receiver(post_save, sender=Session)
def _session_changed(sender, instance, created, **kwargs):
    # Its date decides which analysis is the latest.
    if not created:
        refresh_profiles(instance.analyses.filter(state=AnalysisState.COMPLETED).values_list("candidate_id", flat=True))
