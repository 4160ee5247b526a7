"""Ranking the pool by fit: order and explanation, the pool's query string as a starting point, scoping
(pool, consent, portfolio), the overdue lock, query count independent of the page size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from recruitment.commission.models import AnalysisSkill, TrainingAction, TrainingPlan
from recruitment.models import ExperienceBand, Skill, StudyLevel, TrainingCourse
from recruitment.sar import fit, perms, ranking
from recruitment.sar.enums import OVERDUE_LOCK_MESSAGE
from tests.commission.factories import AnalysisFactory, SessionFactory
from tests.recruitment.factories import CandidateFactory, area, job
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, analysed

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def ranking_url():
    return reverse("sar_pool:ranking")


@pytest.fixture
def skills():
    return list(Skill.objects.select_related("theme").order_by("theme__order", "order", "pk")[:3])


def level(name):
    return StudyLevel.objects.get(name=name)


def band(name):
    return ExperienceBand.objects.get(name=name)


def ranked_ids(response):
    assert response.status_code == 200
    return [c.pk for c in response.context["candidates"]]


def need_params(skills, **extra):
    """Python at least Opérationnel, SQL at least Expérimenté."""
    python, sql = skills[0], skills[1]
    return {
        "fit_skill_1": python.pk,
        "fit_mastery_1": "operationnel",
        "fit_skill_2": sql.pk,
        "fit_mastery_2": "experimente",
        **extra,
    }


class TestOrderAndExplanation:
    def test_best_fit_first_with_its_explanation(self, client, recruiter, ranking_url, skills):
        python, sql = skills[0], skills[1]
        bas_rhin, moselle = area("Alsace / Bas-Rhin"), area("Lorraine / Moselle")
        best = PoolCandidateFactory(last_name="MEILLEUR", employment_area=bas_rhin, classified_on=TODAY - timedelta(50))
        analysed(best, skills=[(python, "experimente"), (sql, "experimente")], level_with_diploma=level("Bac + 3"))
        # Python exactly at the minimum counts; SQL one level below does not: 2 + 0 + 2 (level) = 4.
        boundary = PoolCandidateFactory(last_name="LIMITE", employment_area=moselle)
        analysed(
            boundary, skills=[(python, "operationnel"), (sql, "operationnel")], level_with_diploma=level("Bac + 2")
        )
        # Python one level below; only the area: 1.
        weak = PoolCandidateFactory(last_name="FAIBLE", employment_area=bas_rhin)
        analysed(weak, skills=[(python, "debutant")], level_with_diploma=level("Bac"))
        nothing = PoolCandidateFactory(last_name="AUCUN", employment_area=moselle)  # never analysed: 0
        params = need_params(skills, fit_study_level=level("Bac + 2").pk, fit_area=bas_rhin.pk)

        response = login(client, recruiter).get(ranking_url, params)
        assert ranked_ids(response) == [best.pk, boundary.pk, weak.pk, nothing.pk]
        assert [c.fit.points for c in response.context["candidates"]] == [7, 4, 1, 0]
        assert {c.fit.possible for c in response.context["candidates"]} == {7}
        html = response.content.decode()
        assert "2 compétences sur 2 au niveau demandé" in html
        assert f"{python.name} Expérimenté" in html
        assert escape(f"{sql.name} Opérationnel (Expérimenté demandé)") in html
        assert "Niveau Bac + 2 demandé / Bac + 3 détenu" in html
        assert "Niveau Bac + 2 demandé / Bac + 2 détenu" in html
        assert "100 %" in html
        assert "0 compétence sur 2 au niveau demandé" in html
        assert reverse("sar_pool:study", args=[best.pk]) in html

    def test_database_points_equal_the_pure_function(self, recruiter, skills):
        """The ORDER BY of the database and the explanation of the page give each candidate the same points."""
        python, sql, linux = skills
        developer = job("Développeur web")
        fis = TrainingCourse.objects.get(code="fis")
        cases = [
            ([(python, "experimente"), (sql, "debutant")], "Bac + 5", "> 10 ans", "Alsace / Bas-Rhin"),
            ([(python, "debutant"), (linux, "operationnel")], "Bac", "< 1 an", "Lorraine / Moselle"),
            ([(sql, "experimente"), (linux, "experimente")], "Bac + 2", "1 à 2 ans", "Alsace / Haut-Rhin"),
            ([], "Bac + 3", "3 à 5 ans", "Alsace / Bas-Rhin"),
        ]
        candidates = []
        for index, (assessed, study, experience, area_name) in enumerate(cases):
            candidate = PoolCandidateFactory(employment_area=area(area_name))
            analysis = analysed(
                candidate, skills=assessed, level_with_diploma=level(study), digital_experience=band(experience)
            )
            if index == 0:
                candidate.current_jobs.add(developer)
            if index == 1:
                analysis.possible_jobs.add(developer)
            if index == 2:
                analysis.training_courses.add(fis)
            if index == 3:
                plan = TrainingPlan.objects.create(candidate=candidate)
                TrainingAction.objects.create(plan=plan, course=fis)
            candidates.append(candidate)
        candidates.append(PoolCandidateFactory(employment_area=area("Lorraine / Moselle")))  # no analysis
        form = ranking.NeedForm(
            {
                **need_params(skills, fit_skill_3=linux.pk, fit_mastery_3="debutant"),
                "fit_job": developer.pk,
                "fit_study_level": level("Bac + 2").pk,
                "fit_experience": band("1 à 2 ans").pk,
                "fit_area": area("Alsace / Bas-Rhin").pk,
                "fit_training": fis.pk,
            }
        )
        need = form.need()
        assert need.possible_points() == 3 * 2 + 3 + 2 + 2 + 1 + 1
        in_database = dict(ranking.scores(perms.pool_for(recruiter), need))
        rows = list(
            perms.pool_for(recruiter).select_related("employment_area").prefetch_related("current_jobs").order_by("pk")
        )
        ranking.explain_page(rows, need)
        assert in_database == {c.pk: c.fit.points for c in rows}
        # By hand: 0: python 2 + job 3 + level 2 + exp 2 + area 1 = 10; 1: linux 2 + job 3 = 5;
        # 2: sql 2 + linux 2 + level 2 + exp 2 + training 1 = 9; 3: level 2 + exp 2 + area 1 + training 1 = 6.
        assert [in_database[c.pk] for c in candidates] == [10, 5, 9, 6, 0]

    def test_database_ranking_equals_the_pure_function_on_hand_built_facts(
        self, client, recruiter, skills, monkeypatch
    ):
        """The order of the database is that of fit.fit_points on facts written by hand (ties: latest classified
        first, then the highest id), through the edge cases: a criterion met twice counts once, only the latest
        completed analysis makes the profile (never a draft), a training wished by an older one still counts."""
        python, sql, linux = skills
        developer = job("Développeur web")
        fis = TrainingCourse.objects.get(code="fis")
        bas_rhin, moselle = area("Alsace / Bas-Rhin"), area("Lorraine / Moselle")
        old, recent, newest = (SessionFactory(date=TODAY - timedelta(days=d)) for d in (300, 30, 1))

        def pooled(days, employment_area=moselle):
            return PoolCandidateFactory(employment_area=employment_area, classified_on=TODAY - timedelta(days))

        both = pooled(20, bas_rhin)  # job current and possible, training wished and followed: counted once each
        analysis = analysed(
            both,
            session=recent,
            skills=[(python, "operationnel"), (sql, "experimente"), (linux, "debutant")],
            level_with_diploma=level("Bac + 5"),
            digital_experience=band("> 10 ans"),
            courses=[fis],
        )
        both.current_jobs.add(developer)
        analysis.possible_jobs.add(developer)
        TrainingAction.objects.create(plan=TrainingPlan.objects.create(candidate=both), course=fis)
        latest_counts = pooled(10)  # an older analysis was strong; the latest is weak; its training still counts
        older = analysed(
            latest_counts, session=old, skills=[(python, "experimente"), (sql, "experimente")], courses=[fis]
        )
        older.possible_jobs.add(developer)
        analysed(
            latest_counts,
            session=recent,
            skills=[(python, "debutant")],
            level_with_diploma=level("Bac"),
            digital_experience=band("< 1 an"),
        )
        draft_ignored = pooled(5, bas_rhin)  # a newer draft's skills are in no profile
        analysed(
            draft_ignored,
            session=recent,
            skills=[(sql, "operationnel")],
            level_with_diploma=level("Bac + 2"),
            digital_experience=band("< 1 an"),
        )
        draft = AnalysisFactory(candidate=draft_ignored, session=newest)
        AnalysisSkill.objects.create(analysis=draft, skill=linux, level="experimente")
        tie_older, tie_newer = pooled(40), pooled(3)  # the same points: the latest classified first
        for tied in (tie_older, tie_newer):
            analysed(
                tied,
                session=recent,
                skills=[(linux, "experimente")],
                level_with_diploma=level("Bac"),
                digital_experience=band("1 à 2 ans"),
            )
        nothing = pooled(2)  # never analysed
        params = {
            **need_params(skills, fit_skill_3=linux.pk, fit_mastery_3="operationnel"),
            "fit_job": developer.pk,
            "fit_study_level": level("Bac + 2").pk,
            "fit_experience": band("1 à 2 ans").pk,
            "fit_area": bas_rhin.pk,
            "fit_training": fis.pk,
        }
        need = ranking.NeedForm(params).need()

        def item(obj):
            return fit.Item(obj.pk, obj.name, getattr(obj, "order", 0))

        facts = {
            both: fit.Facts(
                skills={python.pk: "operationnel", sql.pk: "experimente", linux.pk: "debutant"},
                current_job_ids=frozenset({developer.pk}),
                possible_job_ids=frozenset({developer.pk}),
                study_level=item(level("Bac + 5")),
                experience=item(band("> 10 ans")),
                area=item(bas_rhin),
                has_training=True,
            ),
            latest_counts: fit.Facts(
                skills={python.pk: "debutant"},
                study_level=item(level("Bac")),
                experience=item(band("< 1 an")),
                area=item(moselle),
                has_training=True,
            ),
            draft_ignored: fit.Facts(
                skills={sql.pk: "operationnel"},
                study_level=item(level("Bac + 2")),
                experience=item(band("< 1 an")),
                area=item(bas_rhin),
            ),
            nothing: fit.Facts(area=item(moselle)),
        }
        for tied in (tie_older, tie_newer):
            facts[tied] = fit.Facts(
                skills={linux.pk: "experimente"},
                study_level=item(level("Bac")),
                experience=item(band("1 à 2 ans")),
                area=item(moselle),
            )
        by_hand = sorted(
            facts.items(),
            key=lambda pair: (-fit.fit_points(need, pair[1]), -pair[0].classified_on.toordinal(), -pair[0].pk),
        )
        expected = [(candidate.pk, fit.fit_points(need, f)) for candidate, f in by_hand]
        assert [candidate for candidate, _facts in by_hand] == [
            both,
            tie_newer,
            tie_older,
            draft_ignored,
            latest_counts,
            nothing,
        ]
        assert [points for _pk, points in expected] == [2 + 2 + 3 + 2 + 2 + 1 + 1, 4, 4, 3, 1, 0]
        assert ranking.scores(perms.pool_for(recruiter), need) == expected
        # A page: the holders with the most selective points scored first, then the whole pool if unsure.
        for examined in (1, 2, 1000):
            monkeypatch.setattr(ranking, "EXAMINED", examined)
            for offset, limit in ((0, 1), (0, 3), (1, 2), (2, 10), (5, 1)):
                page = ranking.scores(perms.pool_for(recruiter), need, offset=offset, limit=limit)
                assert page == expected[offset : offset + limit], (examined, offset, limit)
        # The screen shows the same order, and its explanation (read from the page's rows) the same points.
        response = login(client, recruiter).get(reverse("sar_pool:ranking"), params)
        assert [(c.pk, c.fit.points) for c in response.context["candidates"]] == expected

    def test_empty_need_lists_the_pool_by_classification_date(self, client, recruiter, ranking_url):
        older = PoolCandidateFactory(classified_on=TODAY - timedelta(days=40))
        newer = PoolCandidateFactory(classified_on=TODAY - timedelta(days=2))
        response = login(client, recruiter).get(ranking_url)
        assert ranked_ids(response) == [newer.pk, older.pk]
        assert "Aucun critère choisi" in response.content.decode()

    def test_an_unknown_value_is_refused_not_an_error(self, client, recruiter, ranking_url):
        PoolCandidateFactory()
        response = login(client, recruiter).get(ranking_url, {"fit_skill_1": "999999", "fit_area": "abc"})
        assert response.status_code == 200
        assert "ne sont plus disponibles" in response.content.decode()
        invalid_pool_filter = client.get(ranking_url, {"classified_from": "pas une date", "fit_skill_1": "1"})
        assert invalid_pool_filter.status_code == 200
        assert ranked_ids(invalid_pool_filter) == []


class TestStartingFromThePoolQueryString:
    def test_pool_filters_narrow_the_ranked_list_and_stay_in_the_links(self, client, recruiter, ranking_url, skills):
        bas_rhin, moselle = area("Alsace / Bas-Rhin"), area("Lorraine / Moselle")
        here = PoolCandidateFactory(employment_area=bas_rhin)
        analysed(here, skills=[(skills[0], "debutant")])
        there = PoolCandidateFactory(employment_area=moselle)
        analysed(there, skills=[(skills[0], "experimente"), (skills[1], "experimente")])
        login(client, recruiter)
        params = {"employment_area": [bas_rhin.pk, area("Alsace / Haut-Rhin").pk], **need_params(skills)}
        response = client.get(ranking_url, params)
        assert ranked_ids(response) == [here.pk]
        html = response.content.decode()
        assert f'<input type="hidden" name="employment_area" value="{bas_rhin.pk}">' in html
        assert "Classement limité aux candidats qui répondent aux filtres du vivier (1 critère)" in html
        assert f"{reverse('sar_pool:index')}?employment_area={bas_rhin.pk}" in html

    def test_a_pool_query_string_alone_prefills_the_need(self, client, recruiter, ranking_url):
        bas_rhin = area("Alsace / Bas-Rhin")
        candidate = PoolCandidateFactory(employment_area=bas_rhin)
        analysed(candidate, level_with_diploma=level("Bac + 3"))
        query = {"employment_area": [bas_rhin.pk], "study_level": [level("Bac + 3").pk, level("Bac + 2").pk]}
        response = login(client, recruiter).get(ranking_url, query)
        need = response.context["need"]
        assert need.area.pk == bas_rhin.pk
        assert need.study_level.pk == level("Bac + 2").pk  # the lowest level chosen is the minimum
        assert [c.fit.points for c in response.context["candidates"]] == [3]
        assert f'<option value="{bas_rhin.pk}" selected>' in response.content.decode()

    def test_the_pool_links_to_its_ranking_with_its_filters(self, client, recruiter, pool_url):
        bas_rhin = area("Alsace / Bas-Rhin")
        response = login(client, recruiter).get(pool_url, {"employment_area": [bas_rhin.pk]})
        assert f"{reverse('sar_pool:ranking')}?employment_area={bas_rhin.pk}" in response.content.decode()


class TestScoping:
    def test_only_the_pool_with_consent_and_never_the_company_portfolio(
        self, client, recruiter, colleague, other_recruiter, ranking_url, skills
    ):
        strong = [(skills[0], "experimente"), (skills[1], "experimente")]

        def candidate(**kwargs):
            dossier = PoolCandidateFactory(**kwargs)
            analysed(dossier, skills=strong)
            return dossier

        free = candidate()
        in_other_portfolio = candidate()
        in_my_portfolio = candidate()
        in_colleague_portfolio = candidate()
        without_consent = candidate(with_consent=False)
        dismissed = candidate(dismissed=True)
        published_later = candidate(classified_on=TODAY + timedelta(days=3))
        not_classified = CandidateFactory(with_consent=True)
        analysed(not_classified, skills=strong)
        FollowUpSheetFactory(candidate=in_my_portfolio, company=recruiter.organisation, created_by=recruiter)
        FollowUpSheetFactory(candidate=in_colleague_portfolio, company=recruiter.organisation, created_by=colleague)
        FollowUpSheetFactory(
            candidate=in_other_portfolio, company=other_recruiter.organisation, created_by=other_recruiter
        )
        assert not {without_consent.pk, dismissed.pk, published_later.pk} & set(
            perms.pool_for(recruiter).values_list("pk", flat=True)
        )
        response = login(client, recruiter).get(ranking_url, need_params(skills))
        assert set(ranked_ids(response)) == {free.pk, in_other_portfolio.pk}
        assert response.context["page"].paginator.count == 2
        # The other company sees its own state: its portfolio's candidate is not in its ranking, ours is.
        client.logout()
        response = login(client, other_recruiter).get(ranking_url, need_params(skills))
        assert set(ranked_ids(response)) == {free.pk, in_my_portfolio.pk, in_colleague_portfolio.pk}

    def test_overdue_sheets_lock_the_ranking_too(self, client, recruiter, ranking_url):
        PoolCandidateFactory()
        FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, overdue=True)
        response = login(client, recruiter).get(ranking_url)
        assert escape(OVERDUE_LOCK_MESSAGE) in response.content.decode()
        assert "candidates" not in response.context

    def test_refused_to_whoever_may_not_search_the_pool(self, client, ranking_url):
        from tests.portal.factories import UserFactory

        adviser = UserFactory(roles=["Référent Emploi"])
        response = login(client, adviser).get(ranking_url)
        assert response.status_code in (302, 403)


class TestQueries:
    def test_query_count_independent_of_page_size(self, client, recruiter, ranking_url, skills):
        developer = job()
        fis = TrainingCourse.objects.get(code="fis")
        for index in range(12):
            candidate = PoolCandidateFactory()
            candidate.current_jobs.add(developer)
            analysed(candidate, skills=[(skills[i], "operationnel") for i in range(1 + index % 3)])
        params = {
            **need_params(skills, fit_skill_3=skills[2].pk, fit_mastery_3="debutant"),
            "fit_job": developer.pk,
            "fit_study_level": level("Bac").pk,
            "fit_experience": band("1 à 2 ans").pk,
            "fit_area": area("Alsace / Bas-Rhin").pk,
            "fit_training": fis.pk,
            "classification": ["employable"],
        }
        login(client, recruiter)
        client.get(ranking_url, params)  # warm caches (site, settings, frame)

        def count(per_page):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(ranking_url, {**params, "per_page": per_page})
            assert len(response.context["candidates"]) == min(per_page, 12)
            return len(queries)

        assert count(2) == count(12)
        assert count(12) <= 25

    def test_weights_are_those_stated_on_the_screen(self, client, recruiter, ranking_url):
        html = login(client, recruiter).get(ranking_url).content.decode()
        assert f"compétence au niveau minimum demandé ou au-dessus : {fit.WEIGHTS['skill']} points" in html
