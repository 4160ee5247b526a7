"""Roles are data: renaming groups changes nothing, removing a permission closes exactly its screen."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from membership import perms
from membership.enums import ApplicationState
from portal.accounts.models import User
from portal.accounts.roles import Role
from tests.portal.factories import OrganisationFactory, UserFactory

from .factories import AccountRequestFactory, MembershipApplicationFactory

pytestmark = pytest.mark.django_db
HOME = reverse("wagtailadmin_home")
ADD_REQUEST = reverse("membership_account_requests:add")


def review_url(application):
    return reverse("membership_applications:inspect", args=[application.pk])


def withdraw(role, perm):
    app_label, codename = perm.split(".")
    Group.objects.get(name=role.value).permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )


@pytest.fixture
def president():
    return UserFactory(roles=[Role.PRESIDENT])


@pytest.fixture
def referent():
    company = OrganisationFactory(company=True)
    user = UserFactory(organisation=company, roles=[Role.ORGANISATION_REFERENT])
    company.referent = user
    company.save()
    return user


class TestRenamedGroups:
    @pytest.fixture
    def recruiter(self, referent):
        return UserFactory(organisation=referent.organisation, roles=[Role.COMPANY_RECRUITER])

    @pytest.fixture(autouse=True)
    def rename_every_group(self, president, referent, recruiter):
        for group in Group.objects.all():
            group.name = f"{group.name} (renommé)"
            group.save()

    def test_the_board_still_decides_and_the_new_member_becomes_referent(self, client, president):
        application = MembershipApplicationFactory()
        client.force_login(president)
        assert client.get(reverse("membership_applications:index")).status_code == 200
        client.post(review_url(application), {"decision": "accept"})
        application.refresh_from_db()
        assert application.state == ApplicationState.ACCEPTED
        assert perms.can_request_accounts(User.objects.get(pk=application.applicant_id))

    def test_the_referent_still_asks_for_accounts(self, client, referent):
        client.force_login(referent)
        assert client.get(ADD_REQUEST).status_code == 200
        assert client.get(reverse("membership_hr_contact")).status_code == 200

    def test_a_recruiter_gains_nothing(self, client, recruiter):
        client.force_login(recruiter)
        assert client.get(ADD_REQUEST).url == HOME
        assert client.get(reverse("membership_applications:index")).url == HOME


class TestWithdrawnPermission:
    def test_without_the_decision_permission_the_board_only_reads(self, client, president):
        withdraw(Role.PRESIDENT, perms.DECIDE)
        application = MembershipApplicationFactory()
        client.force_login(president)
        content = client.get(review_url(application)).content.decode()
        assert "Accepter la demande" not in content
        assert client.post(review_url(application), {"decision": "accept"}).url == HOME
        application.refresh_from_db()
        assert application.state == ApplicationState.PENDING
        assert "membership-applications" not in client.get(HOME).content.decode()

    def test_without_the_request_permission_the_referent_cannot_ask(self, client, referent):
        withdraw(Role.ORGANISATION_REFERENT, perms.REQUEST_ACCOUNTS)
        client.force_login(referent)
        assert client.get(ADD_REQUEST).url == HOME
        assert client.get(reverse("membership_hr_contact")).status_code == 200  # the HR contact screen stays

    def test_without_the_approval_permission_an_administrator_only_sees_the_request(self, client):
        withdraw(Role.ADMINISTRATOR, perms.APPROVE_ACCOUNTS)
        Group.objects.get(name=Role.ADMINISTRATOR.value).permissions.add(
            Permission.objects.get(content_type__app_label="membership", codename="view_accountrequest")
        )
        request = AccountRequestFactory()
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        url = reverse("membership_account_requests:inspect", args=[request.pk])
        # outside the administrator's own organisation: the scope no longer includes it
        assert client.get(url).status_code == 404
