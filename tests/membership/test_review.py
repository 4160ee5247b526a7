"""The board's review in the extranet: list, detail with the fee, accept or refuse, reminders."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from membership.enums import ApplicationState
from membership.models import FeeGrid, MembershipApplication
from membership.tasks import purge_abandoned_drafts, remind_overdue_applications
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.organisations.enums import MembershipState
from portal.organisations.models import Organisation
from portal.schedules import ensure_schedules
from tests.portal.factories import PASSWORD, UserFactory

from .factories import MembershipApplicationFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


INDEX = reverse("membership_applications:index")


def review_url(application):
    return reverse("membership_applications:inspect", args=[application.pk])


def decide(client, application, decision, comment=""):
    return client.post(review_url(application), {"decision": decision, "comment": comment})


@pytest.fixture
def president(client):
    user = UserFactory(username="president", roles=[Role.PRESIDENT])
    client.force_login(user)
    return user


def screens(application):
    """List, review (inspect), history and usage of one application."""
    return [
        INDEX,
        review_url(application),
        reverse("membership_applications:history", args=[application.pk]),
        reverse("membership_applications:usage", args=[application.pk]),
    ]


def assert_refused(response):
    """The extranet turns a permission refusal into a redirect to its dashboard."""
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


class TestAnonymous:
    def test_every_screen_needs_a_login(self, client):
        application = MembershipApplicationFactory()
        for url in screens(application):
            response = client.get(url)
            assert response.status_code == 302
            assert "/extranet/login/" in response.url


class TestOrganisationReferent:
    def test_no_access_even_to_their_own_application(self, client):
        application = MembershipApplicationFactory(accepted=True)
        referent = application.applicant
        referent.groups.add(Group.objects.get(name=Role.ORGANISATION_REFERENT.value))
        referent.is_active = True
        referent.save()
        client.force_login(referent)
        for url in screens(application):
            assert_refused(client.get(url))
        assert "membership-applications" not in client.get(reverse("wagtailadmin_home")).content.decode()


class TestOtherRoles:
    @pytest.mark.parametrize("role", [Role.COMPANY_RECRUITER, Role.EMPLOYMENT_ADVISER, Role.EDITOR, Role.SESSION_PILOT])
    def test_no_access_to_applications_nor_decisions(self, client, role):
        application = MembershipApplicationFactory()
        client.force_login(UserFactory(roles=[role]))
        for url in screens(application):
            assert_refused(client.get(url))
        assert_refused(decide(client, application, "accept"))
        application.refresh_from_db()
        assert application.state == ApplicationState.PENDING


class TestPresident:
    def test_reads_every_screen(self, client, president):
        application = MembershipApplicationFactory(refused=True)
        for url in screens(application):
            assert client.get(url).status_code == 200

    def test_list_by_state_with_filter(self, client, president, django_assert_max_num_queries):
        MembershipApplicationFactory.create_batch(5)
        MembershipApplicationFactory(organisation_name="En Attente")
        MembershipApplicationFactory(accepted=True, organisation_name="Déjà Acceptée")
        MembershipApplicationFactory(draft=True)
        with django_assert_max_num_queries(25):
            response = client.get(INDEX)
        assert response.status_code == 200
        response = client.get(INDEX, {"state": "accepted"})
        content = response.content.decode()
        assert "Déjà Acceptée" in content
        assert "En Attente" not in content
        assert "En Attente" in client.get(INDEX, {"state": "pending"}).content.decode()

    def test_filter_overdue(self, client, president):
        MembershipApplicationFactory(overdue=True, organisation_name="Ancienne Demande")
        MembershipApplicationFactory(organisation_name="Demande Récente")
        content = client.get(INDEX, {"overdue": "true"}).content.decode()
        assert "Ancienne Demande" in content
        assert "Demande Récente" not in content

    def test_search_by_organisation_name(self, client, president):
        MembershipApplicationFactory(organisation_name="Ancienne Demande")
        MembershipApplicationFactory(organisation_name="Demande Récente")
        content = client.get(INDEX, {"q": "ancienne"}).content.decode()
        assert "Ancienne Demande" in content
        assert "Demande Récente" not in content

    def test_list_queries_do_not_grow_with_the_rows(self, client, president, django_assert_max_num_queries):
        MembershipApplicationFactory.create_batch(2)
        client.get(INDEX)  # warm the per-process caches (content types, site)
        few = count_queries(client, INDEX)
        MembershipApplicationFactory.create_batch(10)
        with django_assert_max_num_queries(few):
            assert client.get(INDEX).status_code == 200

    def test_detail_shows_the_computed_fee(self, client, president):
        application = MembershipApplicationFactory(
            organisation__headcount_alsace=30, organisation__headcount_lorraine=25
        )
        content = client.get(review_url(application)).content.decode()
        assert "1\u00a0152\u00a0€" in content  # 55 employees, digital sector, standard column
        assert "Accepter la demande" in content

    def test_accept_activates_the_account_and_lists_the_organisation(self, client, president, mailoutbox):
        application = MembershipApplicationFactory()
        organisation = application.organisation
        assert not Organisation.objects.accepted().filter(pk=organisation.pk).exists()

        response = decide(client, application, "accept", "Bienvenue parmi nous.")
        assert response.status_code == 302

        application.refresh_from_db()
        organisation.refresh_from_db()
        user = application.applicant
        user.refresh_from_db()
        assert application.state == ApplicationState.ACCEPTED
        assert application.decided_by == president
        assert user.is_active
        assert user.groups.filter(name=Role.ORGANISATION_REFERENT.value).exists()
        assert organisation.membership_state == MembershipState.ACCEPTED
        assert organisation.member_since is not None
        assert organisation.referent == user
        assert Organisation.objects.accepted().filter(pk=organisation.pk).exists()
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == [user.email]
        assert "acceptée" in mailoutbox[0].subject
        assert "Bienvenue parmi nous." in mailoutbox[0].body

        client.logout()
        client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
        assert client.session["_auth_user_id"] == str(user.pk)

    def test_refuse_needs_a_comment_and_mails_it(self, client, president, mailoutbox):
        application = MembershipApplicationFactory()
        response = decide(client, application, "refuse")
        assert response.status_code == 200
        assert "Indiquez le motif du refus" in response.content.decode()
        assert MembershipApplication.objects.get(pk=application.pk).state == ApplicationState.PENDING

        decide(client, application, "refuse", "Votre activité ne relève pas du périmètre de l'association.")
        application.refresh_from_db()
        application.organisation.refresh_from_db()
        application.applicant.refresh_from_db()
        assert application.state == ApplicationState.REFUSED
        assert application.organisation.membership_state == MembershipState.REFUSED
        assert not application.applicant.is_active
        assert not Organisation.objects.accepted().filter(pk=application.organisation_id).exists()
        assert len(mailoutbox) == 1
        assert "ne relève pas du périmètre de l'association" in mailoutbox[0].body

    def test_no_decision_when_the_organisation_was_deleted(self, client, president, mailoutbox):
        application = MembershipApplicationFactory()
        application.organisation.delete()
        response = decide(client, application, "accept")
        assert response.status_code == 302
        application.refresh_from_db()
        assert application.state == ApplicationState.PENDING
        assert not MembershipApplication.objects.get(pk=application.pk).applicant.is_active
        assert mailoutbox == []

    def test_the_decision_is_in_the_history(self, client, president):
        application = MembershipApplicationFactory()
        decide(client, application, "refuse", "Hors périmètre.")
        response = client.get(reverse("membership_applications:history", args=[application.pk]))
        assert response.status_code == 200
        assert "Demande d&#x27;adhésion refusée" in response.content.decode()

    def test_a_decided_application_cannot_be_decided_again(self, client, president, mailoutbox):
        application = MembershipApplicationFactory(refused=True)
        decide(client, application, "accept")
        application.refresh_from_db()
        assert application.state == ApplicationState.REFUSED
        assert not application.applicant.is_active
        assert mailoutbox == []

    def test_dashboard_flags_applications_pending_for_more_than_15_days(self, client, president):
        MembershipApplicationFactory(overdue=True, organisation_name="Ancienne Demande")
        MembershipApplicationFactory(organisation_name="Demande Récente")
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "2 demandes en attente de décision" in content
        assert "1 depuis plus de 15 jours" in content
        assert "Ancienne Demande" in content
        assert "Demande Récente" not in content


class TestAdministrator:
    @pytest.fixture
    def administrator(self, client):
        user = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(user)
        return user

    def test_reads_every_screen(self, client, administrator):
        application = MembershipApplicationFactory(accepted=True)
        for url in screens(application):
            assert client.get(url).status_code == 200

    def test_list_queries_do_not_grow_with_the_rows(self, client, administrator, django_assert_max_num_queries):
        MembershipApplicationFactory.create_batch(2)
        client.get(INDEX)
        few = count_queries(client, INDEX)
        MembershipApplicationFactory.create_batch(5, overdue=True)
        MembershipApplicationFactory.create_batch(5, refused=True)
        with django_assert_max_num_queries(few):
            assert client.get(INDEX).status_code == 200

    def test_an_administrator_may_decide_too(self, client, administrator):
        application = MembershipApplicationFactory()
        decide(client, application, "accept")
        application.refresh_from_db()
        assert application.state == ApplicationState.ACCEPTED


class TestAbandonedDrafts:
    def test_expired_drafts_and_their_unused_accounts_are_purged(self):
        old = MembershipApplicationFactory(draft=True)
        recent = MembershipApplicationFactory(draft=True)
        sent = MembershipApplicationFactory(overdue=True)
        MembershipApplication.objects.filter(pk__in=[old.pk, sent.pk]).update(
            updated_at=timezone.now() - timedelta(days=61)
        )
        assert purge_abandoned_drafts() == 1
        assert not User.objects.filter(pk=old.applicant_id).exists()
        assert MembershipApplication.objects.filter(pk__in=[recent.pk, sent.pk]).count() == 2


class TestFeeGridAdministration:
    def test_an_administrator_edits_the_grid(self, client):
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        grid = FeeGrid.objects.get(year=2019)
        assert client.get(reverse("membership_fee_grids:index")).status_code == 200
        content = client.get(reverse("membership_fee_grids:edit", args=[grid.pk])).content.decode()
        assert "Tranches d&#x27;effectif" in content
        assert "Règle startup" in content

    def test_the_president_cannot_edit_the_grid(self, client, president):
        grid = FeeGrid.objects.get(year=2019)
        response = client.get(reverse("membership_fee_grids:edit", args=[grid.pk]))
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


class TestReminders:
    def test_daily_reminder_lists_only_overdue_applications(self, president_email, mailoutbox):
        overdue = MembershipApplicationFactory(overdue=True, organisation_name="Ancienne Demande")
        MembershipApplicationFactory(organisation_name="Demande Récente")
        MembershipApplicationFactory(overdue=True, accepted=True, organisation_name="Déjà Décidée")
        assert remind_overdue_applications() == 1
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == [president_email]
        assert "Ancienne Demande" in mailoutbox[0].body
        assert "Demande Récente" not in mailoutbox[0].body
        assert "Déjà Décidée" not in mailoutbox[0].body
        overdue.refresh_from_db()
        assert overdue.last_reminder_at is not None

    def test_not_reminded_twice_the_same_day(self, president_email, mailoutbox):
        MembershipApplicationFactory(overdue=True)
        assert remind_overdue_applications() == 1
        assert remind_overdue_applications() == 0
        assert len(mailoutbox) == 1

    def test_without_a_configured_address_the_president_role_is_reminded(self, mailoutbox):
        UserFactory(email="elise.president@exemple.test", roles=[Role.PRESIDENT])
        MembershipApplicationFactory(overdue=True)
        assert remind_overdue_applications() == 1
        assert mailoutbox[0].to == ["elise.president@exemple.test"]

    def test_no_reminder_when_nothing_is_overdue(self, president_email, mailoutbox):
        MembershipApplicationFactory()
        assert remind_overdue_applications() == 0
        assert mailoutbox == []

    def test_the_reminder_is_scheduled_daily(self):
        ensure_schedules()
        schedule = Schedule.objects.get(func="membership.tasks.remind_overdue_applications")
        assert schedule.schedule_type == Schedule.DAILY


def test_role_groups_exist():
    assert Group.objects.get(name=Role.PRESIDENT.value).permissions.filter(codename="decide_membershipapplication")
