"""Each role's extranet dashboard opens on its own work: counts from the role's scope, links to the
listing of exactly those objects, a bounded number of queries whatever the numbers."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from portal.accounts.roles import Role
from recruitment import dashboard as adviser_dashboard
from recruitment.commission import dashboard as commission_dashboard
from recruitment.commission.enums import AnalysisState
from recruitment.enums import STATUS_INCOMPLETE
from recruitment.sar import dashboard as sar_dashboard
from recruitment.sar.enums import TrainingNeedState
from tests.commission.factories import AnalysisFactory, SessionFactory, pilot, recruiter
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, complete, partner_with_adviser, status
from tests.sar.factories import FollowUpSheetFactory, TrainingNeedFactory, company_with_recruiters

pytestmark = pytest.mark.django_db


def counts(panel):
    return {item.label: item.count for item in panel.items}


def urls(panel):
    return {item.label: item.url for item in panel.items}


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panels_for(user):
    request = RequestFactory().get("/extranet/")
    request.user = user
    panels = []
    for add in (adviser_dashboard.add_panels, sar_dashboard.add_panels, commission_dashboard.add_panels):
        add(request, panels)
    return {panel.name for panel in panels}


class TestAdviser:
    def test_counts_the_own_organisation_dossiers_waiting(self, client):
        organisation, adviser = partner_with_adviser()
        CandidateFactory.create_batch(2, organisation=organisation)  # constitution, no consent
        CandidateFactory(organisation=organisation, status=complete(), with_consent=True)
        CandidateFactory(organisation=organisation, status=status(*STATUS_INCOMPLETE, adviser_may_set=False))
        CandidateFactory.create_batch(3)  # another organisation's: never counted

        panel = adviser_dashboard.adviser_panel(adviser)
        assert counts(panel) == {
            "Dossiers à compléter": 2,
            "Dossiers sans consentement": 3,
            "Dossiers renvoyés par la commission": 1,
        }
        html = home(client, adviser)
        assert "Dossiers renvoyés par la commission" in html

    def test_each_count_links_to_the_listing_of_those_dossiers(self, client):
        organisation, adviser = partner_with_adviser()
        CandidateFactory.create_batch(2, organisation=organisation)
        CandidateFactory(organisation=organisation, status=complete(), with_consent=True)
        CandidateFactory(organisation=organisation, status=status(*STATUS_INCOMPLETE, adviser_may_set=False))
        client.force_login(adviser)
        panel = adviser_dashboard.adviser_panel(adviser)
        assert counts(panel) == {
            "Dossiers à compléter": 2,
            "Dossiers sans consentement": 3,
            "Dossiers renvoyés par la commission": 1,
        }
        for label, count in counts(panel).items():
            listing = client.get(urls(panel)[label]).content.decode()
            assert f"{count} dossier" in listing, (label, urls(panel)[label])

    def test_queries_do_not_grow_with_the_dossiers(self, django_assert_num_queries):
        organisation, adviser = partner_with_adviser()
        CandidateFactory.create_batch(5, organisation=organisation)
        adviser = UserFactory._meta.model.objects.get(pk=adviser.pk)  # permissions not cached yet
        with django_assert_num_queries(2 + 2):  # permissions (user, groups), statuses, one aggregate
            adviser_dashboard.adviser_panel(adviser)

    def test_the_commission_gets_no_adviser_panel(self):
        assert "recruitment_adviser_todo" not in panels_for(pilot())


class TestCompanyRecruiter:
    def test_overdue_sheets_are_counted_named_and_linked(self, client):
        company, (recruiter_a, colleague) = company_with_recruiters(2)
        mine = FollowUpSheetFactory(company=company, created_by=recruiter_a, overdue=True)
        FollowUpSheetFactory(company=company, created_by=recruiter_a)  # on time
        FollowUpSheetFactory(company=company, created_by=colleague, overdue=True)  # a colleague's
        FollowUpSheetFactory(overdue=True)  # another company's

        panel = sar_dashboard.recruiter_panel(recruiter_a)
        assert counts(panel)["Mes fiches dépassées"] == 1
        assert urls(panel)["Mes fiches dépassées"] == f"{reverse('sar_sheets:index')}?overdue=true"
        assert [link.label for link in panel.links] == [str(mine)]
        assert panel.links[0].url == reverse("sar_sheets:edit", args=[mine.pk])
        html = home(client, recruiter_a)
        assert "Fiches arrivées à échéance" in html and reverse("sar_sheets:edit", args=[mine.pk]) in html

    def test_queries_do_not_grow_with_the_overdue_sheets(self, django_assert_num_queries):
        company, (user,) = company_with_recruiters(1)
        for _ in range(4):
            FollowUpSheetFactory(company=company, created_by=user, overdue=True)
        user = UserFactory._meta.model.objects.get(pk=user.pk)
        # permissions (2), the listed overdue sheets (their count when fewer than listed), trainees count
        with django_assert_num_queries(4):
            sar_dashboard.recruiter_panel(user)


class TestTrainingCommission:
    def test_training_needs_to_take_in_hand(self, django_assert_num_queries):
        adc = UserFactory(roles=[Role.TRAINING_COMMISSION])
        TrainingNeedFactory.create_batch(2)
        TrainingNeedFactory(state=TrainingNeedState.IN_PROGRESS)
        TrainingNeedFactory(state=TrainingNeedState.CLOSED)
        adc = UserFactory._meta.model.objects.get(pk=adc.pk)
        with django_assert_num_queries(3):  # permissions (2), both counts in one aggregate
            panel = sar_dashboard.training_needs_panel(adc)
        assert counts(panel) == {"Besoins à prendre en charge": 2, "Besoins en cours": 1}
        assert urls(panel)["Besoins à prendre en charge"].endswith("?state=submitted")
        assert {"sar_training_needs_todo", "commission_proposals_todo"} <= panels_for(adc)
        assert "sar_recruiter_todo" not in panels_for(adc)


class TestSessions:
    def test_the_pilot_sees_the_next_session_and_its_dossiers(self, client):
        today = timezone.localdate()
        user = pilot()
        SessionFactory(date=today - timedelta(days=3), pilot=user)  # past
        later = SessionFactory(date=today + timedelta(days=30), pilot=user)
        upcoming = SessionFactory(date=today + timedelta(days=5), pilot=user)
        draft = AnalysisFactory(session=upcoming)
        AnalysisFactory(session=upcoming, state=AnalysisState.COMPLETED)
        AnalysisFactory(session=later)

        panel = commission_dashboard.session_panel(user)
        assert f"{upcoming.date:%d/%m/%Y}" in panel.heading
        assert counts(panel) == {"Dossiers de la session": 2, "Analyses à terminer": 1}
        assert urls(panel)["Dossiers de la session"] == reverse("commission:session", args=[upcoming.pk])
        assert reverse("commission:analysis", args=[draft.pk]) in {link.url for link in panel.links}
        assert "Prochaine session" in home(client, user)

    def test_the_advisory_recruiter_sees_only_the_sessions_they_interview_in(self, django_assert_num_queries):
        today = timezone.localdate()
        user = recruiter()
        mine = SessionFactory(date=today + timedelta(days=10), recruiters=[user])
        SessionFactory(date=today + timedelta(days=2))  # sooner, but not theirs
        AnalysisFactory.create_batch(3, session=mine)
        user = UserFactory._meta.model.objects.get(pk=user.pk)
        # permissions (2), the session, the listed dossiers (the counts when the whole session is listed)
        with django_assert_num_queries(4):
            panel = commission_dashboard.session_panel(user)
            assert len(panel.links) == 3
        assert f"{mine.date:%d/%m/%Y}" in panel.heading

    def test_nothing_planned_says_so(self):
        panel = commission_dashboard.session_panel(pilot())
        assert panel.intro == "Aucune session n'est prévue pour le moment."
