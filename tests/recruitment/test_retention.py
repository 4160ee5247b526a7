"""The retention rule: a daily task flags the dossiers without activity for 24 months and tells the
administrators once (a count and a link, no name); the administrators list them in "Dossiers à revoir (RGPD)"."""

import datetime

import pytest
from django.urls import reverse
from django_q.models import Schedule

from portal.accounts.roles import Role
from portal.mail.models import OutgoingEmail
from portal.schedules import ensure_schedules
from recruitment import rules
from recruitment.models import Candidate
from recruitment.retention import flag_inactive_dossiers
from tests.portal.factories import UserFactory

from .factories import CandidateFactory, partner_with_adviser
from .helpers import assert_refused

NOW = datetime.datetime(2026, 12, 3, 4, 0, tzinfo=datetime.UTC)
REVIEW_URL = "recruitment_review:index"


def last_active(candidate, moment):
    Candidate.objects.filter(pk=candidate.pk).update(updated_at=moment)


@pytest.fixture
def admin():
    return UserFactory(roles=[Role.ADMINISTRATOR], email="admin@exemple.test")


@pytest.mark.django_db
class TestDailyFlag:
    def test_flagged_at_exactly_24_months_and_not_one_day_before(self, admin):
        exactly = CandidateFactory(last_name="Exactement")
        day_before = CandidateFactory(last_name="Presque")
        last_active(exactly, datetime.datetime(2024, 12, 3, 4, 0, tzinfo=datetime.UTC))
        last_active(day_before, datetime.datetime(2024, 12, 4, 4, 0, tzinfo=datetime.UTC))
        assert flag_inactive_dossiers(now=NOW) == 1
        exactly.refresh_from_db()
        day_before.refresh_from_db()
        assert exactly.review_flagged_on == NOW
        assert day_before.review_flagged_on is None
        # The same rule as the on-the-fly one (one rule, one place).
        assert rules.needs_review(exactly.updated_at, NOW) and not rules.needs_review(day_before.updated_at, NOW)

    def test_administrators_told_once_with_a_count_and_a_link_and_no_name(self, admin, mailoutbox):
        UserFactory(roles=[Role.EMPLOYMENT_ADVISER], email="conseil@exemple.test")
        for name in ("Oublie", "Ancien"):
            last_active(CandidateFactory(last_name=name, first_name="Zélie"), NOW - datetime.timedelta(days=800))
        assert flag_inactive_dossiers(now=NOW) == 2
        assert flag_inactive_dossiers(now=NOW + datetime.timedelta(days=1)) == 0  # the next day: nothing new
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == ["admin@exemple.test"]
        assert "2 dossiers" in message.subject
        text = message.subject + message.body + OutgoingEmail.objects.get().body_html
        assert reverse(REVIEW_URL) in message.body
        for personal in ("OUBLIE", "ANCIEN", "Zélie"):
            assert personal not in text

    def test_activity_again_clears_the_flag_and_anonymised_dossiers_are_not_flagged(self, admin):
        candidate = CandidateFactory()
        anonymised = CandidateFactory(anonymised_at=NOW)
        for dossier in (candidate, anonymised):
            last_active(dossier, NOW - datetime.timedelta(days=800))
        flag_inactive_dossiers(now=NOW)
        anonymised.refresh_from_db()
        assert anonymised.review_flagged_on is None
        candidate.refresh_from_db()
        assert candidate.review_flagged_on
        candidate.save()
        candidate.refresh_from_db()
        assert candidate.review_flagged_on is None

    def test_registered_as_a_daily_schedule(self):
        ensure_schedules()
        schedule = Schedule.objects.get(func="recruitment.retention.flag_inactive_dossiers")
        assert schedule.schedule_type == Schedule.DAILY


@pytest.mark.django_db
class TestReviewList:
    def test_administrator_lists_the_flagged_dossiers(self, client, admin, django_assert_max_num_queries):
        flagged = [CandidateFactory(last_name=f"Vieux{i}") for i in range(3)]
        CandidateFactory(last_name="Actif")
        for candidate in flagged:
            last_active(candidate, NOW - datetime.timedelta(days=800))
        flag_inactive_dossiers(now=NOW)
        client.force_login(admin)
        response = client.get(reverse(REVIEW_URL))
        assert response.status_code == 200
        html = response.content.decode()
        assert all(c.last_name in html for c in flagged) and "ACTIF" not in html
        assert reverse("recruitment:anonymise", args=[flagged[0].pk]) in html
        with django_assert_max_num_queries(12) as few:
            client.get(reverse(REVIEW_URL))
        for i in range(5):
            last_active(CandidateFactory(last_name=f"Autre{i}"), NOW - datetime.timedelta(days=900))
        flag_inactive_dossiers(now=NOW)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(reverse(REVIEW_URL))

    @pytest.mark.parametrize("role", [Role.EMPLOYMENT_ADVISER, Role.SESSION_PILOT])
    def test_others_may_not_open_it(self, client, role):
        _org, adviser = partner_with_adviser()
        user = adviser if role == Role.EMPLOYMENT_ADVISER else UserFactory(roles=[role])
        client.force_login(user)
        assert_refused(client.get(reverse(REVIEW_URL)))
