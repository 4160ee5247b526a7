"""Member self-service: extranet access for colleagues (approved by an administrator), the HR contact."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from membership.enums import AccountRequestState
from membership.models import AccountRequest
from portal.accounts.models import User
from portal.accounts.roles import Role
from tests.portal.factories import OrganisationFactory, UserFactory

from .factories import AccountRequestFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


INDEX = reverse("membership_account_requests:index")
ADD = reverse("membership_account_requests:add")
HR = reverse("membership_hr_contact")


def assert_refused(response):
    """The extranet turns a permission refusal into a redirect to its dashboard (with a message)."""
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def inspect_url(account_request):
    return reverse("membership_account_requests:inspect", args=[account_request.pk])


def screens(account_request):
    """Review (inspect), history and usage of one request."""
    return [
        inspect_url(account_request),
        reverse("membership_account_requests:history", args=[account_request.pk]),
        reverse("membership_account_requests:usage", args=[account_request.pk]),
    ]


@pytest.fixture
def company():
    return OrganisationFactory(company=True)


@pytest.fixture
def referent(client, company):
    user = UserFactory(organisation=company, roles=[Role.ORGANISATION_REFERENT])
    company.referent = user
    company.save()
    client.force_login(user)
    return user


@pytest.fixture
def admin_user():
    return UserFactory(username="admin.nege", email="admin@nege.test", roles=[Role.ADMINISTRATOR])


class TestReferent:
    def test_requests_an_account_for_a_colleague(self, client, referent, company, admin_user, mailoutbox):
        form = client.get(ADD).content.decode()
        assert ">Chargé de recrutement</option>" in form  # the French label, not the enum name
        assert "Référent Emploi" not in form  # a company asks for recruiters
        response = client.post(
            ADD,
            {
                "last_name": "Martin",
                "first_name": "Camille",
                "email": "Camille.Martin@exemple.test",
                "role": Role.COMPANY_RECRUITER.value,
            },
        )
        assert response.status_code == 302
        request = AccountRequest.objects.get()
        assert (request.organisation, request.requested_by, request.email) == (
            company,
            referent,
            "camille.martin@exemple.test",
        )
        assert request.state == AccountRequestState.PENDING
        assert mailoutbox[0].to == ["admin@nege.test"]

    def test_a_role_not_allowed_for_the_category_is_refused(self, client, referent):
        response = client.post(
            ADD, {"last_name": "M", "first_name": "C", "email": "c@exemple.test", "role": Role.EMPLOYMENT_ADVISER.value}
        )
        assert response.status_code == 200
        assert not AccountRequest.objects.exists()

    def test_an_existing_email_is_refused(self, client, referent):
        UserFactory(email="deja@exemple.test")
        response = client.post(
            ADD,
            {"last_name": "M", "first_name": "C", "email": "DEJA@exemple.test", "role": Role.COMPANY_RECRUITER.value},
        )
        assert "Un compte existe déjà avec cette adresse de courriel." in response.content.decode()

    def test_sees_only_the_requests_of_their_organisation(self, client, referent, company):
        own = AccountRequestFactory(organisation=company, last_name="VISIBLE", approved=True)
        other = AccountRequestFactory(last_name="AUTRE")
        content = client.get(INDEX).content.decode()
        assert "VISIBLE" in content
        assert "AUTRE" not in content
        for url in screens(own):
            assert client.get(url).status_code == 200
        for url in screens(other):
            assert client.get(url).status_code == 404
        assert "Accepter et créer le compte" not in client.get(inspect_url(own)).content.decode()

    def test_list_queries_do_not_grow_with_the_rows(self, client, referent, company, django_assert_max_num_queries):
        AccountRequestFactory.create_batch(2, organisation=company)
        client.get(INDEX)
        few = count_queries(client, INDEX)
        AccountRequestFactory.create_batch(5, organisation=company, refused=True)
        AccountRequestFactory.create_batch(5)
        with django_assert_max_num_queries(few):
            assert client.get(INDEX).status_code == 200

    def test_cannot_approve(self, client, referent, company):
        request = AccountRequestFactory(organisation=company)
        assert_refused(client.post(inspect_url(request), {"decision": "approve"}))
        assert not User.objects.filter(email=request.email).exists()

    def test_the_hr_contact_is_found_by_typing_among_colleagues(self, client, referent, company):
        UserFactory(organisation=company, last_name="Zola", first_name="Émile", email="emile.zola@exemple.test")
        UserFactory(last_name="Dehors", email="dehors@ailleurs.test")  # another organisation
        form = client.get(HR).content.decode()
        assert 'data-filter="Rechercher un collègue (nom, courriel)"' in form  # select-filter.js enhances it
        assert "ZOLA Émile — emile.zola@exemple.test" in form
        assert "dehors@ailleurs.test" not in form

    def test_designates_the_hr_contact_among_the_organisation_users(self, client, referent, company):
        colleague = UserFactory(organisation=company, last_name="RH")
        outsider = UserFactory(organisation=OrganisationFactory())
        assert client.post(HR, {"hr_contact": outsider.pk}).status_code == 200
        company.refresh_from_db()
        assert company.hr_contact is None
        assert client.post(HR, {"hr_contact": colleague.pk}).status_code == 302
        company.refresh_from_db()
        assert company.hr_contact == colleague


class TestAnonymous:
    def test_every_screen_needs_a_login(self, client):
        request = AccountRequestFactory()
        for url in [INDEX, ADD, HR, *screens(request)]:
            response = client.get(url)
            assert response.status_code == 302
            assert "/extranet/login/" in response.url


class TestPresident:
    def test_no_access_to_access_requests(self, client):
        client.force_login(UserFactory(roles=[Role.PRESIDENT]))
        request = AccountRequestFactory()
        for url in [INDEX, ADD, HR]:
            assert_refused(client.get(url))
        for url in screens(request):  # outside their scope: as if it did not exist
            assert client.get(url).status_code == 404


class TestOtherRoles:
    def test_a_recruiter_cannot_request_accounts_nor_set_the_hr_contact(self, client, company):
        client.force_login(UserFactory(organisation=company, roles=[Role.COMPANY_RECRUITER]))
        assert_refused(client.get(ADD))
        assert_refused(client.get(HR))
        assert_refused(client.get(INDEX))
        request = AccountRequestFactory(organisation=company)
        for url in screens(request):
            assert_refused(client.get(url))

    def test_the_referent_of_a_pending_organisation_has_no_self_service(self, client):
        organisation = OrganisationFactory(pending=True)
        client.force_login(UserFactory(organisation=organisation, roles=[Role.ORGANISATION_REFERENT]))
        assert_refused(client.get(ADD))
        assert_refused(client.get(HR))


class TestAdministrator:
    def test_reads_every_screen_of_every_organisation(self, client, admin_user):
        client.force_login(admin_user)
        request = AccountRequestFactory(refused=True)
        assert "MARTIN" in client.get(INDEX).content.decode()
        for url in screens(request):
            assert client.get(url).status_code == 200
        assert_refused(client.get(ADD))  # only a referent asks, for their own organisation

    def test_each_request_of_the_list_links_to_its_review(self, client, admin_user):
        client.force_login(admin_user)
        requests = AccountRequestFactory.create_batch(2)
        content = client.get(INDEX).content.decode()
        for request in requests:
            assert f'href="{inspect_url(request)}"' in content
            assert str(request.organisation) in content

    def test_approval_creates_the_account_and_sends_a_password_link(self, client, admin_user, mailoutbox):
        request = AccountRequestFactory(email="camille.martin@exemple.test")
        client.force_login(admin_user)
        assert "Camille" in client.get(INDEX).content.decode()
        response = client.post(inspect_url(request), {"decision": "approve"})
        assert response.status_code == 302

        user = User.objects.get(email="camille.martin@exemple.test")
        request.refresh_from_db()
        assert request.state == AccountRequestState.APPROVED
        assert request.created_user == user
        assert user.is_active
        assert user.organisation == request.organisation
        assert user.groups.filter(name=Role.COMPANY_RECRUITER.value).exists()
        assert not user.has_usable_password()

        to_user = next(m for m in mailoutbox if m.to == ["camille.martin@exemple.test"])
        to_referent = next(m for m in mailoutbox if m.to == [request.requested_by.email])
        assert user.username in to_referent.body
        assert "« Chargé de recrutement »" in to_user.body
        link = re.search(r"https?://[^/\s]+(/extranet/password_reset/\S+)", to_user.body).group(1)
        client.logout()
        form_url = client.get(link).url  # Django swaps the token for a session marker
        client.post(form_url, {"new_password1": "Nouveau-mot-de-passe-88", "new_password2": "Nouveau-mot-de-passe-88"})
        user.refresh_from_db()
        assert user.check_password("Nouveau-mot-de-passe-88")

    def test_list_queries_do_not_grow_with_the_rows(self, client, admin_user, django_assert_max_num_queries):
        client.force_login(admin_user)
        AccountRequestFactory.create_batch(2)
        client.get(INDEX)  # warm the per-process caches (content types, site)
        few = count_queries(client, INDEX)
        AccountRequestFactory.create_batch(10)
        with django_assert_max_num_queries(few):
            assert client.get(INDEX).status_code == 200

    def test_refusal_tells_the_referent(self, client, admin_user, mailoutbox):
        request = AccountRequestFactory()
        client.force_login(admin_user)
        client.post(inspect_url(request), {"decision": "refuse", "comment": "Adresse personnelle."})
        request.refresh_from_db()
        assert request.state == AccountRequestState.REFUSED
        assert mailoutbox[-1].to == [request.requested_by.email]
        assert "Adresse personnelle." in mailoutbox[-1].body
        assert not User.objects.filter(email=request.email).exists()
