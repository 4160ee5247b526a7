"""Portfolio: filters, shortcuts, sorting, export, query count (who sees which sheets: test_permissions)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from recruitment.models import Skill
from recruitment.sar.enums import SheetAction
from recruitment.sar.models import FollowUpSheet
from tests.recruitment.factories import area, job
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, PoolCandidateFactory, analysed, result

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
INDEX = "sar_sheets:index"


def listed(client, **params):
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return {sheet.pk for sheet in response.context["object_list"]}


class TestPortfolioList:
    def test_name_filter_ignores_accents_and_case(self, client, recruiter):
        company = recruiter.organisation
        elise = FollowUpSheetFactory(
            company=company,
            created_by=recruiter,
            candidate=PoolCandidateFactory(last_name="LEFÈVRE", first_name="Élise"),
        )
        FollowUpSheetFactory(
            company=company,
            created_by=recruiter,
            candidate=PoolCandidateFactory(last_name="MARTIN", first_name="Anaïs"),
        )
        FollowUpSheetFactory(candidate=PoolCandidateFactory(first_name="Élise"))  # another company's sheet
        login(client, recruiter)
        assert listed(client, name="elise") == {elise.pk}
        assert listed(client, name="Elise LEFEVRE") == {elise.pk}
        assert listed(client, name="élise martin") == set()

    def test_filters(self, client, recruiter, colleague):
        company = recruiter.organisation
        dev = job("Développeur web")
        a = FollowUpSheetFactory(
            company=company,
            created_by=recruiter,
            candidate=PoolCandidateFactory(employment_area=area("Alsace / Bas-Rhin"), last_name="DUPONT"),
        )
        a.candidate.current_jobs.add(dev)
        a.action_list = [SheetAction.CV_ANALYSIS]
        a.no_response = True
        a.save()
        b = FollowUpSheetFactory(
            company=company,
            created_by=colleague,
            candidate=PoolCandidateFactory(employment_area=area("Lorraine / Moselle"), adaptable=True),
            result=result("proposition-en-cours"),
            due_on=TODAY + timedelta(days=100),
        )
        c = FollowUpSheetFactory(
            company=company,
            created_by=recruiter,
            overdue=True,
            candidate=PoolCandidateFactory(employment_area=area("Alsace / Haut-Rhin"), last_name="MARTIN"),
        )
        FollowUpSheet.objects.filter(pk=c.pk).update(created_at=timezone.now() - timedelta(days=60))
        login(client, recruiter)
        assert listed(client) == {a.pk, b.pk, c.pk}
        assert listed(client, employment_area=area("Alsace / Bas-Rhin").pk) == {a.pk}
        assert listed(client, name="dupont") == {a.pk}
        assert listed(client, created_by=colleague.pk) == {b.pk}
        assert listed(client, current_jobs=[dev.pk]) == {a.pk}
        assert listed(client, classification="adaptable") == {b.pk}
        assert listed(client, status=[b.status_id]) == {b.pk}
        assert listed(client, status=[b.status_id, a.status_id]) == {a.pk, b.pk, c.pk}
        assert listed(client, result=b.result_id) == {b.pk}
        assert listed(client, action=SheetAction.CV_ANALYSIS) == {a.pk}
        assert listed(client, no_response="yes") == {a.pk}
        assert listed(client, no_response="no") == {b.pk, c.pk}
        assert listed(client, created_from=(TODAY - timedelta(days=10)).isoformat()) == {a.pk, b.pk}
        assert listed(client, due_before=(TODAY + timedelta(days=50)).isoformat()) == {a.pk, c.pk}
        assert listed(client, employment_area=area("Alsace / Bas-Rhin").pk, no_response="no") == set()
        # Shortcuts
        assert listed(client, mine="true") == {a.pk, c.pk}
        assert listed(client, overdue="true") == {c.pk}
        page = client.get(reverse(INDEX)).content.decode()
        assert "Mes fiches de suivi de recrutement" in page and "Mes fiches dépassées" in page
        assert reverse("sar_pool:study", args=[a.candidate_id]) in page

    @pytest.mark.parametrize(
        ("offset", "overdue"), [(-1, True), (0, False), (1, False)], ids=["yesterday", "today", "tomorrow"]
    )
    def test_my_overdue_sheets_and_the_marker_on_the_sheet(self, client, recruiter, offset, overdue):
        sheet = FollowUpSheetFactory(
            company=recruiter.organisation, created_by=recruiter, due_on=TODAY + timedelta(days=offset)
        )
        login(client, recruiter)
        assert listed(client, overdue="true") == ({sheet.pk} if overdue else set())
        page = client.get(reverse("sar_sheets:edit", args=[sheet.pk])).content.decode()
        assert ("(dépassée)" in page) is overdue

    def test_skill_theme_and_mastery_level(self, client, recruiter):
        skill = Skill.objects.select_related("theme").order_by("theme__order", "order").first()
        expert = FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter)
        analysed(expert.candidate, skills=[(skill, "experimente")])
        beginner = FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter)
        analysed(beginner.candidate, skills=[(skill, "debutant")])
        FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter)
        login(client, recruiter)
        assert listed(client, skill_theme=[skill.theme_id]) == {expert.pk, beginner.pk}
        assert listed(client, skill_theme=[skill.theme_id], mastery_level=["experimente"]) == {expert.pk}

    def test_sort_by_created_and_due_dates(self, client, recruiter):
        company = recruiter.organisation
        early = FollowUpSheetFactory(company=company, created_by=recruiter, due_on=TODAY + timedelta(days=90))
        late = FollowUpSheetFactory(company=company, created_by=recruiter, due_on=TODAY + timedelta(days=5))
        FollowUpSheet.objects.filter(pk=early.pk).update(created_at=timezone.now() - timedelta(days=5))
        login(client, recruiter)

        def order(key):
            response = client.get(reverse(INDEX), {"ordering": key})
            return [sheet.pk for sheet in response.context["object_list"]]

        assert order("due_on") == [late.pk, early.pk]
        assert order("-due_on") == [early.pk, late.pk]
        assert order("created_at") == [early.pk, late.pk]
        assert order("-created_at") == [late.pk, early.pk]

    def test_export_csv_and_xlsx(self, client, recruiter):
        sheet = FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter)
        login(client, recruiter)
        csv = b"".join(client.get(reverse(INDEX), {"export": "csv"}).streaming_content).decode()
        assert sheet.candidate.last_name in csv
        assert "Etude en cours" in csv
        xlsx = client.get(reverse(INDEX), {"export": "xlsx"})
        assert xlsx.status_code == 200
        assert "spreadsheetml" in xlsx["Content-Type"]

    def test_query_count_independent_of_rows(self, client, recruiter):
        for _ in range(3):
            FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter).candidate.current_jobs.add(job())
        login(client, recruiter)
        client.get(reverse(INDEX))
        with CaptureQueriesContext(connection) as few:
            client.get(reverse(INDEX))
        for _ in range(10):
            FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter).candidate.current_jobs.add(job())
        client.get(reverse(INDEX))  # warm: the new jobs and organisations dropped the cached reference lists
        with CaptureQueriesContext(connection) as many:
            client.get(reverse(INDEX))
        assert len(many) == len(few)
