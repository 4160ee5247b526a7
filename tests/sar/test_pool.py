"""Pool search: who is listed, every filter and their combination, the overdue lock, query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from recruitment.commission.models import TrainingAction, TrainingPlan
from recruitment.models import ExperienceBand, Skill, SkillTheme, StudyLevel, TrainingCourse
from recruitment.sar.enums import OVERDUE_LOCK_MESSAGE
from tests.commission.factories import SessionFactory
from tests.recruitment.factories import CandidateFactory, area, job
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, analysed

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def listed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return {c.pk for c in response.context["candidates"]}


class TestWhoIsInThePool:
    def test_only_employable_or_adaptable_with_consent(self, client, recruiter, pool_url):
        employable = PoolCandidateFactory()
        adaptable = PoolCandidateFactory(adaptable=True)
        PoolCandidateFactory(with_consent=False)
        PoolCandidateFactory(dismissed=True)
        PoolCandidateFactory(undetermined=True)
        CandidateFactory(with_consent=True)  # not classified
        PoolCandidateFactory(classified_on=TODAY + timedelta(days=3))  # published later
        assert listed(login(client, recruiter), pool_url) == {employable.pk, adaptable.pk}

    def test_candidates_of_the_company_portfolio_are_excluded(self, client, recruiter, colleague, pool_url):
        mine = PoolCandidateFactory()
        colleagues = PoolCandidateFactory()
        other_company = PoolCandidateFactory()
        free = PoolCandidateFactory()
        FollowUpSheetFactory(candidate=mine, company=recruiter.organisation, created_by=recruiter)
        FollowUpSheetFactory(candidate=colleagues, company=recruiter.organisation, created_by=colleague)
        FollowUpSheetFactory(candidate=other_company)
        assert listed(login(client, recruiter), pool_url) == {other_company.pk, free.pk}


class TestFilters:
    @pytest.fixture
    def client_(self, client, recruiter):
        return login(client, recruiter)

    def test_employment_area_multi(self, client_, pool_url):
        bas_rhin = PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"))
        haut_rhin = PoolCandidateFactory(employment_area=area("Alsace / Haut-Rhin"))
        moselle = PoolCandidateFactory(employment_area=area("Lorraine / Moselle"))
        assert listed(client_, pool_url, employment_area=[bas_rhin.employment_area_id]) == {bas_rhin.pk}
        both = [bas_rhin.employment_area_id, haut_rhin.employment_area_id]
        assert listed(client_, pool_url, employment_area=both) == {bas_rhin.pk, haut_rhin.pk}
        assert moselle.pk not in listed(client_, pool_url, employment_area=both)

    def test_name(self, client_, pool_url):
        alain = PoolCandidateFactory(last_name="DUPONT", first_name="Alain")
        PoolCandidateFactory(last_name="MARTIN", first_name="Anaïs")
        assert listed(client_, pool_url, name="dupon") == {alain.pk}
        assert listed(client_, pool_url, name="alain dupont") == {alain.pk}

    def test_name_ignores_accents_and_case(self, client_, pool_url):
        """The dossier search's rule (Candidate.objects.name_contains), on every database."""
        elise = PoolCandidateFactory(last_name="LEFÈVRE", first_name="Élise")
        PoolCandidateFactory(last_name="MARTIN", first_name="Anaïs")
        assert listed(client_, pool_url, name="elise") == {elise.pk}
        assert listed(client_, pool_url, name="ÉLISE lefevre") == {elise.pk}
        assert listed(client_, pool_url, name="anais elise") == set()

    def test_current_jobs_multi(self, client_, pool_url):
        dev, admin = job("Développeur web"), job("Administrateur Système / Réseaux", "Production technique")
        a, b, c = PoolCandidateFactory(), PoolCandidateFactory(), PoolCandidateFactory()
        a.current_jobs.add(dev)
        b.current_jobs.add(admin, dev)
        c.current_jobs.add(job("Technicien de maintenance", "Production technique"))
        assert listed(client_, pool_url, current_jobs=[dev.pk]) == {a.pk, b.pk}
        assert listed(client_, pool_url, current_jobs=[dev.pk, admin.pk]) == {a.pk, b.pk}
        assert listed(client_, pool_url, current_jobs=[admin.pk]) == {b.pk}

    def test_study_level_exact(self, client_, pool_url):
        bac2, bac5, bac3 = (StudyLevel.objects.get(name=n) for n in ("Bac + 2", "Bac + 5", "Bac + 3"))
        a = PoolCandidateFactory()
        analysed(a, level_with_diploma=bac2)
        b = PoolCandidateFactory()
        analysed(b, level_with_diploma=bac5)
        c = PoolCandidateFactory()
        analysed(c, level_with_diploma=bac3)
        assert listed(client_, pool_url, study_level=[bac2.pk]) == {a.pk}
        assert listed(client_, pool_url, study_level=[bac2.pk, bac5.pk]) == {a.pk, b.pk}

    def test_profile_filters_read_the_latest_analysis_only(self, client_, pool_url):
        """Level, experience and skills are those shown in the columns: the latest completed analysis."""
        bac2, bac5 = (StudyLevel.objects.get(name=n) for n in ("Bac + 2", "Bac + 5"))
        skill = Skill.objects.order_by("pk").first()
        candidate = PoolCandidateFactory()
        analysed(
            candidate,
            level_with_diploma=bac5,
            skills=[(skill, "experimente")],
            session=SessionFactory(date=TODAY - timedelta(days=400)),
        )
        analysed(candidate, level_with_diploma=bac2, session=SessionFactory(date=TODAY - timedelta(days=20)))
        assert listed(client_, pool_url, study_level=[bac5.pk]) == set()
        assert listed(client_, pool_url, study_level=[bac2.pk]) == {candidate.pk}
        assert listed(client_, pool_url, skill_theme=[skill.theme_id]) == set()

    def test_digital_experience_exact_bands(self, client_, pool_url):
        low, mid, high = (ExperienceBand.objects.get(name=n) for n in ("< 1 an", "3 à 5 ans", "> 10 ans"))
        a = PoolCandidateFactory()
        analysed(a, digital_experience=low)
        b = PoolCandidateFactory()
        analysed(b, digital_experience=mid)
        c = PoolCandidateFactory()
        analysed(c, digital_experience=high)
        assert listed(client_, pool_url, digital_experience=[mid.pk]) == {b.pk}
        assert listed(client_, pool_url, digital_experience=[low.pk, high.pk]) == {a.pk, c.pk}
        # With a study level too (the factory's analyses record the highest level): both must match.
        highest, lowest = StudyLevel.objects.order_by("order").last(), StudyLevel.objects.order_by("order").first()
        assert listed(client_, pool_url, study_level=[highest.pk], digital_experience=[mid.pk]) == {b.pk}
        assert listed(client_, pool_url, study_level=[lowest.pk], digital_experience=[mid.pk]) == set()

    def test_skill_theme_and_mastery_level_on_the_same_skill(self, client_, pool_url):
        themes = list(SkillTheme.objects.filter(skills__isnull=False).distinct().order_by("order")[:2])
        s1 = Skill.objects.filter(theme=themes[0]).first()
        s2 = Skill.objects.filter(theme=themes[1]).first()
        a = PoolCandidateFactory()
        analysed(a, skills=[(s1, "experimente")])
        b = PoolCandidateFactory()
        analysed(b, skills=[(s1, "debutant"), (s2, "experimente")])
        c = PoolCandidateFactory()
        analysed(c, skills=[(s2, "operationnel")])
        assert listed(client_, pool_url, skill_theme=[themes[0].pk]) == {a.pk, b.pk}
        assert listed(client_, pool_url, skill_theme=[themes[0].pk, themes[1].pk]) == {a.pk, b.pk, c.pk}
        assert listed(client_, pool_url, mastery_level=["experimente"]) == {a.pk, b.pk}
        assert listed(client_, pool_url, mastery_level=["debutant", "operationnel"]) == {b.pk, c.pk}
        # Theme 1 mastered as "Expérimenté": b is only a beginner there.
        assert listed(client_, pool_url, skill_theme=[themes[0].pk], mastery_level=["experimente"]) == {a.pk}

    def test_training_wished_or_followed(self, client_, pool_url):
        fis, itn = TrainingCourse.objects.get(code="fis"), TrainingCourse.objects.get(code="itn")
        wished = PoolCandidateFactory()
        analysed(wished, courses=[fis])
        followed = PoolCandidateFactory()
        plan = TrainingPlan.objects.create(candidate=followed)
        TrainingAction.objects.create(plan=plan, course=fis)
        other = PoolCandidateFactory()
        analysed(other, courses=[itn])
        assert listed(client_, pool_url, training=[fis.pk]) == {wished.pk, followed.pk}
        assert listed(client_, pool_url, training=[itn.pk]) == {other.pk}

    def test_classification(self, client_, pool_url):
        employable = PoolCandidateFactory()
        adaptable = PoolCandidateFactory(adaptable=True)
        assert listed(client_, pool_url, classification=["employable"]) == {employable.pk}
        assert listed(client_, pool_url, classification=["employable", "adaptable"]) == {employable.pk, adaptable.pk}
        # "Sans suite" is not even a choice.
        response = client_.get(pool_url, {"classification": ["sans_suite"]})
        assert list(response.context["candidates"]) == []

    def test_classified_from_and_before(self, client_, pool_url):
        old = PoolCandidateFactory(classified_on=TODAY - timedelta(days=100))
        recent = PoolCandidateFactory(classified_on=TODAY - timedelta(days=5))
        limit = (TODAY - timedelta(days=30)).isoformat()
        assert listed(client_, pool_url, classified_from=limit) == {recent.pk}
        assert listed(client_, pool_url, classified_before=limit) == {old.pk}

    def test_situation_changed_from(self, client_, pool_url):
        changed = PoolCandidateFactory(situation_date=TODAY - timedelta(days=2))
        PoolCandidateFactory(situation_date=TODAY - timedelta(days=200))
        assert listed(client_, pool_url, situation_changed_from=(TODAY - timedelta(days=10)).isoformat()) == {
            changed.pk
        }

    def test_filters_combine_with_and(self, client_, pool_url):
        dev = job("Développeur web")
        bac5 = StudyLevel.objects.get(name="Bac + 5")
        match = PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"), situation_date=TODAY)
        match.current_jobs.add(dev)
        analysed(match, level_with_diploma=bac5)
        wrong_area = PoolCandidateFactory(employment_area=area("Lorraine / Moselle"), situation_date=TODAY)
        wrong_area.current_jobs.add(dev)
        analysed(wrong_area, level_with_diploma=bac5)
        wrong_job = PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"), situation_date=TODAY)
        analysed(wrong_job, level_with_diploma=bac5)
        wrong_level = PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"), situation_date=TODAY)
        wrong_level.current_jobs.add(dev)
        analysed(wrong_level, level_with_diploma=StudyLevel.objects.get(name="Bac"))
        params = {
            "employment_area": [area("Alsace / Bas-Rhin").pk],
            "current_jobs": [dev.pk],
            "study_level": [bac5.pk],
            "classification": ["employable"],
            "situation_changed_from": (TODAY - timedelta(days=1)).isoformat(),
        }
        assert listed(client_, pool_url, **params) == {match.pk}


class TestResults:
    def test_columns_skills_popup_and_sort(self, client, recruiter, pool_url):
        theme = SkillTheme.objects.filter(skills__isnull=False).distinct().order_by("order").first()
        skill = theme.skills.first()
        older = PoolCandidateFactory(last_name="ANCIEN", classified_on=TODAY - timedelta(days=50))
        newer = PoolCandidateFactory(last_name="RECENT", classified_on=TODAY - timedelta(days=1))
        analysed(newer, skills=[(skill, "operationnel")], level_with_diploma=StudyLevel.objects.get(name="Bac + 5"))
        login(client, recruiter)
        response = client.get(pool_url)
        assert [c.pk for c in response.context["candidates"]] == [newer.pk, older.pk]
        html = response.content.decode()
        assert "Voir les savoir faire" in html
        assert f"{skill.name}-Opérationnel" in html
        assert str(theme) in html
        assert "Bac + 5" in html
        assert reverse("sar_pool:study", args=[newer.pk]) in html
        ascending = client.get(pool_url, {"sort": "classified_on"})
        assert [c.pk for c in ascending.context["candidates"]] == [older.pk, newer.pk]

    def test_pagination_keeps_filters_in_the_url(self, client, recruiter, pool_url):
        for _ in range(3):
            PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"))
        login(client, recruiter)
        params = {"employment_area": [area("Alsace / Bas-Rhin").pk], "per_page": 2}
        response = client.get(pool_url, params)
        assert response.context["page"].paginator.count == 3
        assert f"employment_area={area('Alsace / Bas-Rhin').pk}" in response.content.decode()
        second = client.get(pool_url, {**params, "p": 2})
        assert len(second.context["candidates"]) == 1
        beyond = client.get(pool_url, {**params, "p": 99})
        assert beyond.context["page"].number == 2
        assert len(beyond.context["candidates"]) == 1
        first_ids = {c.pk for c in response.context["candidates"]}
        assert first_ids.isdisjoint({c.pk for c in second.context["candidates"]})

    def test_query_count_independent_of_page_size(self, client, recruiter, pool_url):
        themes = list(SkillTheme.objects.filter(skills__isnull=False).distinct().order_by("order")[:3])
        for index in range(12):
            candidate = PoolCandidateFactory()
            candidate.current_jobs.add(job())
            analysed(candidate, skills=[(theme.skills.first(), "debutant") for theme in themes[: 1 + index % 3]])
        login(client, recruiter)
        client.get(pool_url)  # warm caches (site, settings)

        def count(per_page):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(pool_url, {"per_page": per_page, "classification": ["employable"]})
            assert len(response.context["candidates"]) == min(per_page, 12)
            return len(queries)

        assert count(2) == count(12)
        assert count(12) <= 25


class TestOverdueLock:
    def test_overdue_sheets_lock_the_search(self, client, recruiter, pool_url):
        PoolCandidateFactory()
        sheet = FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, overdue=True)
        response = login(client, recruiter).get(pool_url)
        html = response.content.decode()
        assert escape(OVERDUE_LOCK_MESSAGE) in html
        assert "candidates" not in response.context
        assert reverse("sar_sheets:edit", args=[sheet.pk]) in html

    def test_updated_sheet_unlocks(self, client, recruiter, pool_url):
        candidate = PoolCandidateFactory()
        sheet = FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, overdue=True)
        sheet.due_on = TODAY + timedelta(days=10)
        sheet.save()
        assert listed(login(client, recruiter), pool_url) == {candidate.pk}

    @pytest.mark.parametrize(
        ("due_on", "locked"),
        [(TODAY - timedelta(days=1), True), (TODAY, False), (TODAY + timedelta(days=1), False), (None, False)],
        ids=["due-yesterday", "due-today", "due-tomorrow", "no-due-date"],
    )
    def test_only_a_sheet_past_its_due_date_locks(self, client, recruiter, pool_url, due_on, locked):
        FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, due_on=due_on)
        response = login(client, recruiter).get(pool_url)
        assert (escape(OVERDUE_LOCK_MESSAGE) in response.content.decode()) is locked
        assert ("candidates" in response.context) is not locked

    def test_a_colleague_overdue_sheet_does_not_lock(self, client, recruiter, colleague, pool_url):
        FollowUpSheetFactory(company=recruiter.organisation, created_by=colleague, overdue=True)
        response = login(client, recruiter).get(pool_url)
        assert "candidates" in response.context
