"""Employability profiles: what the pool search reads of a candidate is their latest completed analysis,
kept in step with every change of the analyses, their skills and their sessions."""

import datetime
import io

import pytest
from django.core.management import call_command

from recruitment.commission.enums import AnalysisState
from recruitment.commission.models import AnalysisSkill, EmployabilityProfile
from recruitment.commission.profiles import refresh_profiles
from recruitment.commission.services import save_analysis
from recruitment.models import Candidate, ExperienceBand, Skill, StudyLevel
from tests.commission.factories import AnalysisFactory, SessionFactory, eligible_candidate

pytestmark = pytest.mark.django_db


def profile_of(candidate):
    profile = EmployabilityProfile.objects.filter(candidate=candidate).first()
    if profile is None:
        return None
    skills = {(s.skill_id, s.level) for s in profile.skills.all()}
    return profile.analysis_id, profile.study_level_id, profile.digital_experience_id, skills


def skills(count, offset=0):
    return list(Skill.objects.order_by("pk")[offset : offset + count])


class TestProfileFollowsTheAnalyses:
    def test_a_draft_analysis_gives_no_profile(self):
        analysis = AnalysisFactory()
        AnalysisSkill.objects.create(analysis=analysis, skill=skills(1)[0], level="debutant")
        assert profile_of(analysis.candidate) is None

    def test_completing_an_analysis_builds_the_profile(self, django_user_model):
        analysis = AnalysisFactory(completed=True, state=AnalysisState.DRAFT)
        first, second = skills(2)
        user = analysis.session.pilot
        missing = save_analysis(
            analysis, skills={first.pk: "experimente", second.pk: "debutant"}, mobility={}, user=user, complete=True
        )
        assert missing == []
        assert profile_of(analysis.candidate) == (
            analysis.pk,
            analysis.level_with_diploma_id,
            analysis.digital_experience_id,
            {(first.pk, "experimente"), (second.pk, "debutant")},
        )

    def test_editing_the_skills_of_a_completed_analysis_updates_the_profile(self):
        analysis = AnalysisFactory(completed=True)
        first, second = skills(2)
        save_analysis(analysis, skills={first.pk: "debutant"}, mobility={}, user=analysis.session.pilot)
        save_analysis(analysis, skills={second.pk: "operationnel"}, mobility={}, user=analysis.session.pilot)
        assert profile_of(analysis.candidate)[3] == {(second.pk, "operationnel")}

    def test_the_latest_session_wins_and_a_deletion_falls_back(self):
        candidate = eligible_candidate()
        levels = list(StudyLevel.objects.order_by("order"))
        older = AnalysisFactory(
            candidate=candidate,
            completed=True,
            session=SessionFactory(date=datetime.date(2025, 3, 1)),
            level_with_diploma=levels[0],
        )
        newer = AnalysisFactory(
            candidate=candidate,
            completed=True,
            session=SessionFactory(date=datetime.date(2026, 3, 1)),
            level_with_diploma=levels[-1],
        )
        AnalysisFactory(candidate=candidate, session=SessionFactory(date=datetime.date(2026, 10, 1)))  # a draft
        assert profile_of(candidate)[:2] == (newer.pk, levels[-1].pk)
        newer.delete()
        assert profile_of(candidate)[:2] == (older.pk, levels[0].pk)
        older.delete()
        assert profile_of(candidate) is None

    def test_moving_a_session_changes_which_analysis_is_the_latest(self):
        candidate = eligible_candidate()
        first = AnalysisFactory(
            candidate=candidate, completed=True, session=SessionFactory(date=datetime.date(2025, 1, 1))
        )
        AnalysisFactory(candidate=candidate, completed=True, session=SessionFactory(date=datetime.date(2025, 6, 1)))
        first.session.date = datetime.date(2026, 1, 1)
        first.session.save()
        assert profile_of(candidate)[0] == first.pk

    def test_a_new_study_level_is_what_the_profile_shows(self):
        analysis = AnalysisFactory(completed=True)
        band = ExperienceBand.objects.order_by("order").first()
        analysis.digital_experience = band
        analysis.save()
        assert profile_of(analysis.candidate)[2] == band.pk


def test_refresh_rebuilds_profiles_after_a_bulk_load():
    """Bulk loads bypass signals (demo, benchmarks): one call puts every profile right."""
    analyses = [AnalysisFactory(completed=True) for _ in range(3)]
    EmployabilityProfile.objects.all().delete()
    AnalysisSkill.objects.bulk_create(
        [AnalysisSkill(analysis=analysis, skill=skills(1)[0], level="operationnel") for analysis in analyses]
    )
    refresh_profiles([analysis.candidate_id for analysis in analyses])
    for analysis in analyses:
        assert profile_of(analysis.candidate)[0] == analysis.pk
        assert profile_of(analysis.candidate)[3] == {(skills(1)[0].pk, "operationnel")}


def test_rebuild_command_puts_derived_data_right():
    analysis = AnalysisFactory(completed=True)
    AnalysisSkill.objects.bulk_create([AnalysisSkill(analysis=analysis, skill=skills(1)[0], level="debutant")])
    candidate = analysis.candidate
    Candidate.objects.filter(pk=candidate.pk).update(has_consent=False)
    out = io.StringIO()
    call_command("rebuild_profiles", stdout=out)
    assert profile_of(candidate)[3] == {(skills(1)[0].pk, "debutant")}
    assert Candidate.objects.get(pk=candidate.pk).has_consent
    assert "1 dossier(s)" in out.getvalue()
