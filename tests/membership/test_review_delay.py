"""The 15-day review rule, pinned at its boundary on every place that shows it.

"Votre demande sera traitée sous quinze jours" (seed 002): an application waiting for more than
fifteen days is overdue. Exactly fifteen days is not overdue yet; one second more is.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from membership import rules, services
from membership.enums import ApplicationState
from membership.models import MembershipApplication
from portal.accounts.roles import Role
from tests.portal.factories import UserFactory

from .factories import MembershipApplicationFactory

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
SECOND = timedelta(seconds=1)
BOUNDARY = [
    pytest.param(rules.REVIEW_DELAY - SECOND, False, id="15-days-minus-1s"),
    pytest.param(rules.REVIEW_DELAY, False, id="exactly-15-days"),
    pytest.param(rules.REVIEW_DELAY + SECOND, True, id="15-days-plus-1s"),
]
NAME = "Demande Frontière"
INDEX = reverse("membership_applications:index")


@pytest.fixture
def frozen_now(monkeypatch):
    """Every `timezone.now()` (rule, queryset, screens) answers the same instant."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def president(client):
    user = UserFactory(roles=[Role.PRESIDENT])
    client.force_login(user)
    return user


def sent(age):
    return MembershipApplicationFactory(organisation_name=NAME, submitted_at=NOW - age)


@pytest.mark.parametrize(("age", "overdue"), BOUNDARY)
def test_the_rule(age, overdue):
    assert rules.is_review_overdue(ApplicationState.PENDING, NOW - age, NOW) is overdue
    assert rules.is_review_overdue(ApplicationState.ACCEPTED, NOW - age - timedelta(days=30), NOW) is False
    assert rules.is_review_overdue(ApplicationState.PENDING, None, NOW) is False


@pytest.mark.django_db
class TestEveryPlaceAgrees:
    @pytest.mark.parametrize(("age", "overdue"), BOUNDARY)
    def test_queryset_and_property(self, frozen_now, age, overdue):
        application = sent(age)
        assert MembershipApplication.objects.overdue().filter(pk=application.pk).exists() is overdue
        assert MembershipApplication.objects.get(pk=application.pk).is_overdue is overdue

    @pytest.mark.parametrize(("age", "overdue"), BOUNDARY)
    def test_listing_filter_and_marker(self, client, president, frozen_now, age, overdue):
        sent(age)
        assert (NAME in client.get(INDEX, {"overdue": "true"}).content.decode()) is overdue
        assert (NAME in client.get(INDEX, {"overdue": "false"}).content.decode()) is not overdue
        assert ("En retard" in client.get(INDEX).content.decode()) is overdue

    @pytest.mark.parametrize(("age", "overdue"), BOUNDARY)
    def test_review_screen_marker(self, client, president, frozen_now, age, overdue):
        application = sent(age)
        content = client.get(reverse("membership_applications:inspect", args=[application.pk])).content.decode()
        assert ("en attente depuis plus de 15 jours" in content) is overdue

    @pytest.mark.parametrize(("age", "overdue"), BOUNDARY)
    def test_dashboard_panel_count(self, client, president, frozen_now, age, overdue):
        sent(age)
        MembershipApplicationFactory(overdue=True, organisation_name="Très Ancienne")
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "2 demandes en attente de décision" in content
        expected = 2 if overdue else 1
        assert f'data-testid="overdue-count">{expected} depuis plus de 15 jours' in content
        assert (NAME in content) is overdue

    @pytest.mark.parametrize(("age", "overdue"), BOUNDARY)
    def test_daily_reminder(self, frozen_now, president_email, mailoutbox, age, overdue):
        sent(age)
        assert services.send_overdue_reminders() == (1 if overdue else 0)
        assert len(mailoutbox) == (1 if overdue else 0)
