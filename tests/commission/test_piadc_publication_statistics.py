"""PIADC state, publication news item, board statistics and CSV export."""

import datetime

import pytest
from django.urls import reverse

from news.models import NewsPage
from portal.accounts.roles import Role
from recruitment.commission import rules
from recruitment.commission.enums import ActionState, PlanState
from recruitment.commission.models import TrainingAction, TrainingPlan
from recruitment.commission.statistics import statistics
from recruitment.models import TrainingCourse
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory

from .factories import AnalysisFactory, SessionFactory, TrainingPlanFactory, pilot
from .helpers import formset

pytestmark = pytest.mark.django_db


class TestPlanState:
    @pytest.mark.parametrize(
        "states, expected",
        [
            ([], PlanState.EMPTY),
            ([ActionState.PLANNED], PlanState.PLANNED),
            ([ActionState.PLANNED, ActionState.DONE], PlanState.IN_PROGRESS),
            ([ActionState.IN_PROGRESS], PlanState.IN_PROGRESS),
            ([ActionState.DONE, ActionState.ABANDONED], PlanState.DONE),
            ([ActionState.ABANDONED], PlanState.ABANDONED),
        ],
    )
    def test_overall_state(self, states, expected):
        assert rules.plan_state(states) == expected

    def test_saved_plan_follows_its_actions(self):
        plan = TrainingPlanFactory()
        TrainingAction.objects.create(plan=plan, title="Préparation", state=ActionState.IN_PROGRESS)
        plan.save()
        assert TrainingPlan.objects.get(pk=plan.pk).state == PlanState.IN_PROGRESS


def test_training_commission_creates_a_plan_with_actions(client):
    candidate = CandidateFactory(
        with_consent=True, classification="adaptable", classified_on=datetime.date(2026, 11, 1)
    )
    client.force_login(UserFactory(roles=[Role.TRAINING_COMMISSION]))
    course = TrainingCourse.objects.get(code="fis")
    data = {
        "candidate": candidate.pk,
        "comment": "",
        **formset(
            "actions",
            [
                {
                    "course": course.pk,
                    "title": "",
                    "organisation": "AFPA",
                    "start_date": "2026-12-01",
                    "end_date": "2027-03-01",
                    "state": "realisee",
                },
                {
                    "course": "",
                    "title": "Stage",
                    "organisation": "",
                    "start_date": "",
                    "end_date": "",
                    "state": "prevue",
                },
            ],
        ),
    }
    response = client.post(reverse("commission_plans:add"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    plan = TrainingPlan.objects.get(candidate=candidate)
    assert plan.actions.count() == 2 and plan.state == PlanState.IN_PROGRESS


@pytest.fixture
def news_index():
    """The news index (made by a news migration; a transactional test elsewhere may have flushed it)."""
    from news.models import NewsIndexPage
    from portal.pages.models import HomePage

    return NewsIndexPage.objects.first() or HomePage.objects.first().add_child(
        instance=NewsIndexPage(title="Actualités", slug="actualites")
    )


def test_publication_creates_an_extranet_only_news_item(client, news_index):
    the_pilot = pilot()
    session = SessionFactory(pilot=the_pilot, date=datetime.date(2026, 11, 20))
    analysis = AnalysisFactory(session=session, completed=True)
    candidate = analysis.candidate
    candidate.classification, candidate.classified_on = "employable", datetime.date(2026, 11, 20)
    candidate.save()
    client.force_login(the_pilot)
    response = client.post(reverse("commission:publish", args=[session.pk]), {"live": "1"})
    assert response.status_code == 302
    page = NewsPage.objects.get()
    assert page.extranet_only and page.live
    assert page.category.name == "Commission Aide au Recrutement"
    assert "1 dossier(s)" in page.lead
    assert page.get_parent().specific == news_index
    session.refresh_from_db()
    assert session.news_page_id == page.pk and session.published_on
    # Publishing again updates the same item.
    client.post(reverse("commission:publish", args=[session.pk]))
    assert NewsPage.objects.count() == 1


class TestStatistics:
    @pytest.fixture
    def data(self):
        from portal.organisations.models import Territory

        alsace = Territory.objects.get(name="Alsace")
        first = AnalysisFactory(completed=True, session=SessionFactory(date=datetime.date(2026, 6, 1)))
        first.candidate.classification, first.candidate.classified_on = "employable", datetime.date(2026, 6, 2)
        first.candidate.save()
        second = AnalysisFactory(completed=True, session=SessionFactory(date=datetime.date(2026, 6, 1)))
        second.candidate.classification, second.candidate.classified_on = "sans_suite", datetime.date(2026, 6, 2)
        second.candidate.save()
        AnalysisFactory(session=SessionFactory(date=datetime.date(2026, 6, 1)))  # draft: not examined
        return alsace

    def test_counts_per_territory(self, data):
        rows = statistics(datetime.date(2026, 5, 1), datetime.date(2026, 7, 1), data)
        values = rows[0]["values"]
        assert rows[0]["label"] == "Alsace"
        assert values["examined"] == 2 and values["employable"] == 1 and values["sans_suite"] == 1
        assert values["adaptable"] == 0
        assert rows[-1]["label"] == "Total" and rows[-1]["values"]["examined"] == 2

    def test_outside_the_period_nothing(self, data):
        rows = statistics(datetime.date(2027, 1, 1), datetime.date(2027, 2, 1), data)
        assert rows[0]["values"]["examined"] == 0 and rows[0]["values"]["employable"] == 0

    def test_page_and_csv(self, client, data):
        client.force_login(pilot())
        url = reverse("commission:statistics")
        page = client.get(url, {"start": "2026-05-01", "end": "2026-07-01"})
        assert page.status_code == 200
        body = page.content.decode()
        assert "<table" in body and "commission-chart" in body and "Classés Employable" in body
        export = client.get(url, {"start": "2026-05-01", "end": "2026-07-01", "format": "csv"})
        assert export["Content-Type"].startswith("text/csv")
        lines = export.content.decode("utf-8-sig").splitlines()
        assert lines[0].startswith("Territoire;Dossiers reçus;Dossiers examinés")
        alsace = next(line for line in lines if line.startswith("Alsace;"))
        assert alsace.split(";")[2] == "2"

    def test_president_sees_them(self, client, data):
        client.force_login(UserFactory(roles=[Role.PRESIDENT]))
        assert client.get(reverse("commission:statistics")).status_code == 200


def test_recruited_column_comes_from_the_follow_up_sheets(client):
    from tests.sar.test_statistics import recruited

    session = SessionFactory(date=datetime.date(2026, 2, 1))
    for sheet in (
        recruited(datetime.date(2026, 3, 3)),
        recruited(datetime.date(2026, 3, 5), state="demission-candidat"),  # broken: not counted
        recruited(datetime.date(2025, 3, 5)),  # outside the period
    ):
        # Recruited dossiers are counted among those the commission examined and published.
        AnalysisFactory(completed=True, session=session, candidate=sheet.candidate)
    rows = statistics(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    alsace = next(row for row in rows if row["label"] == "Alsace")
    assert alsace["values"]["recruited"] == 1
    assert rows[-1]["values"]["recruited"] == 1
