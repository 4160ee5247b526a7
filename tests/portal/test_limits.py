"""Rate limits see the visitor behind the TLS proxy: separate budgets per visitor, no budget bought with a
forged header, no lockout of an account's owner, password reset silent and bounded."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from membership.models import AccountRequest
from membership.tokens import make_token
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.client import ClientAddressMiddleware, client_address
from portal.limits import ACCESS_REQUEST_MESSAGE, CONTACT_MESSAGE, LOGIN_MESSAGE, MEMBERSHIP_MESSAGE
from tests.directory.factories import company_with_hr
from tests.directory.test_contact import form_data
from tests.membership.factories import MembershipApplicationFactory
from tests.membership.test_application import part1_data, part2_data

from .factories import PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ALICE, BOB, MALLORY = "203.0.113.10", "203.0.113.20", "198.51.100.66"


def via_proxy(address, forged=None):
    """What our proxy passes on for a visitor at `address` (who may have sent an X-Forwarded-For of their own)."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{forged}, {address}" if forged else address}


def html(response):
    return response.content.decode().replace("&#x27;", "'")


@pytest.fixture
def behind_proxy(settings):
    settings.NEGE_TRUSTED_PROXIES = "1"


@pytest.fixture
def rates(settings):
    """Small budgets, so that the tests stay quick: `rates(name="2/h")`."""

    def set_rates(**values):
        settings.NEGE_RATE_LIMITS = {name.replace("_", "-"): rate for name, rate in values.items()}

    return set_rates


class TestClientAddress:
    def address(self, settings, proxies, remote, forwarded=None):
        settings.NEGE_TRUSTED_PROXIES = proxies
        meta = {"REMOTE_ADDR": remote} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {})
        return client_address(RequestFactory().get("/", **meta))

    def test_without_proxy_the_header_is_ignored(self, settings):
        assert self.address(settings, "0", PROXY, ALICE) == PROXY

    def test_one_proxy_trusts_only_the_right_most_entry(self, settings):
        assert self.address(settings, "1", PROXY, ALICE) == ALICE
        assert self.address(settings, "1", PROXY, f"{MALLORY}, {ALICE}") == ALICE
        assert self.address(settings, "1", PROXY) == PROXY

    def test_two_proxies(self, settings):
        assert self.address(settings, "2", PROXY, f"{MALLORY}, {ALICE}, 10.0.0.9") == ALICE

    def test_a_list_of_proxy_networks(self, settings):
        proxies = "10.0.0.0/8, 192.0.2.4"
        assert self.address(settings, proxies, PROXY, f"{MALLORY}, {ALICE}") == ALICE
        assert self.address(settings, proxies, PROXY, f"{MALLORY}, {ALICE}, 192.0.2.4, 10.1.2.3") == ALICE
        # A connection that did not come through our proxies: its header is the client's own words.
        assert self.address(settings, proxies, MALLORY, ALICE) == MALLORY

    def test_a_malformed_entry_falls_back_to_the_connection(self, settings):
        assert self.address(settings, "1", PROXY, "n'importe quoi") == PROXY
        assert self.address(settings, "10.0.0.0/8", PROXY, "n'importe quoi, 10.0.0.2") == "10.0.0.2"

    def test_the_middleware_puts_it_on_the_request(self, settings):
        settings.NEGE_TRUSTED_PROXIES = "1"
        request = RequestFactory().get("/", **via_proxy(ALICE))
        ClientAddressMiddleware(lambda request: None)(request)
        assert request.client_address == ALICE


# Login ---------------------------------------------------------------------------------------------------------


def login(client, identifier, password=PASSWORD, **meta):
    return client.post(reverse("wagtailadmin_login"), {"username": identifier, "password": password}, **meta)


@pytest.fixture
def president():
    return UserFactory(username="president", email="president@nege.test", roles=[Role.PRESIDENT])


class TestLogin:
    def test_visitors_behind_the_proxy_have_separate_budgets(self, client, president, behind_proxy, rates):
        rates(login_client="3/5m")
        for _ in range(3):
            login(client, "quelquun", "mauvais", **via_proxy(MALLORY))
        response = login(client, "quelquun", "mauvais", **via_proxy(MALLORY))
        assert response.status_code == 429
        assert LOGIN_MESSAGE in html(response)
        assert login(Client(), "president", **via_proxy(ALICE)).status_code == 302

    def test_a_forged_header_buys_no_new_budget(self, client, president, behind_proxy, rates):
        rates(login_client="3/5m")
        for _ in range(3):
            login(client, "quelquun", "mauvais", **via_proxy(MALLORY))
        assert login(client, "president", **via_proxy(MALLORY, forged=ALICE)).status_code == 429

    def test_without_trusted_proxy_the_header_is_ignored(self, client, president, rates, settings):
        settings.NEGE_TRUSTED_PROXIES = "0"
        rates(login_client="3/5m")
        for _ in range(3):
            login(client, "quelquun", "mauvais", **via_proxy(MALLORY))
        assert login(Client(), "president", **via_proxy(ALICE)).status_code == 429

    def test_an_attacker_cannot_lock_the_owner_out(self, client, president, behind_proxy):
        for _ in range(20):
            login(client, "president", "mauvais", **via_proxy(MALLORY))
        # The attacker's address is refused, even with the right password: it learns nothing.
        refused = login(client, "president", **via_proxy(MALLORY))
        assert refused.status_code == 429
        assert 'value="president"' in html(refused)
        owner = Client()
        assert login(owner, "president", **via_proxy(ALICE)).status_code == 302
        assert owner.session["_auth_user_id"] == str(president.pk)

    def test_username_or_email_is_the_same_account(self, client, president, behind_proxy):
        for _ in range(10):
            login(client, "president", "mauvais", **via_proxy(MALLORY))
        assert login(client, "PRESIDENT@nege.test", "autre", **via_proxy(MALLORY)).status_code == 429

    def test_under_a_distributed_attack_each_address_gets_a_few_failures(self, client, president, behind_proxy):
        for n in range(20):
            login(Client(), "president", "mauvais", **via_proxy(f"198.51.100.{n}"))
        for _ in range(3):
            assert login(client, "president", "mauvais", **via_proxy(MALLORY)).status_code == 200
        assert login(client, "president", **via_proxy(MALLORY)).status_code == 429
        # The owner's right password, from an address that has not been failing, still logs in.
        assert login(Client(), "president", **via_proxy(ALICE)).status_code == 302


# Password reset ----------------------------------------------------------------------------------------------


def reset(client, email, **meta):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, **meta)


class TestPasswordReset:
    def test_twelve_requests_send_at_most_three_emails_and_answer_the_same(self, client, president, mailoutbox):
        answers = {reset(client, "president@nege.test").headers["Location"] for _ in range(12)}
        assert len(mailoutbox) == 3
        assert all(message.to == ["president@nege.test"] for message in mailoutbox)
        # Limited or not, known account or not: the same answer.
        answers.add(reset(client, "inconnu@nege.test").headers["Location"])
        assert answers == {reverse("wagtailadmin_password_reset_done")}

    def test_visitors_behind_the_proxy_have_separate_budgets(self, client, behind_proxy, rates, mailoutbox):
        rates(password_reset_client="2/h")
        for n in range(3):
            UserFactory(email=f"membre{n}@nege.test")
            assert reset(client, f"membre{n}@nege.test", **via_proxy(MALLORY)).status_code == 302
        assert len(mailoutbox) == 2
        assert reset(client, "membre2@nege.test", **via_proxy(MALLORY, forged=ALICE)).status_code == 302
        assert len(mailoutbox) == 2
        assert reset(Client(), "membre2@nege.test", **via_proxy(ALICE)).status_code == 302
        assert [message.to for message in mailoutbox[2:]] == [["membre2@nege.test"]]


# Contact form, membership application, access requests -------------------------------------------------------


class TestContactForm:
    def test_visitors_behind_the_proxy_have_separate_budgets(self, client, behind_proxy, rates, mailoutbox):
        rates(contact_client="2/h")
        company = company_with_hr()
        url = f"/annuaire/{company.slug}/"
        for _ in range(2):
            assert client.post(url, form_data(), **via_proxy(MALLORY)).status_code == 302
        refused = client.post(url, form_data(), **via_proxy(MALLORY, forged=ALICE))
        assert refused.status_code == 429
        assert CONTACT_MESSAGE in html(refused) and 'value="Camille Martin"' in html(refused)
        assert client.post(url, form_data(), **via_proxy(ALICE)).status_code == 302
        assert len(mailoutbox) == 6  # message + acknowledgement, three times


class TestMembershipApplication:
    def test_part_1(self, client, behind_proxy, rates):
        rates(membership_referent_client="2/h")
        for n in range(2):
            client.post(
                reverse("membership:apply"), part1_data(consent=None, username=f"essai{n}"), **via_proxy(MALLORY)
            )
        refused = client.post(reverse("membership:apply"), part1_data(), **via_proxy(MALLORY, forged=ALICE))
        assert refused.status_code == 429
        assert MEMBERSHIP_MESSAGE in html(refused) and 'value="alice.durand"' in html(refused)
        assert not User.objects.filter(username="alice.durand").exists()
        assert client.post(reverse("membership:apply"), part1_data(), **via_proxy(ALICE)).status_code == 302
        assert User.objects.filter(username="alice.durand").exists()

    def test_part_2_and_autosave(self, client, behind_proxy, rates):
        rates(membership_organisation_client="1/h", membership_autosave_client="1/h")
        application = MembershipApplicationFactory(draft=True)
        token = make_token(application)
        url, autosave = reverse("membership:organisation", args=[token]), reverse("membership:autosave", args=[token])
        assert client.post(url, part2_data(action="draft"), **via_proxy(MALLORY)).status_code == 302
        refused = client.post(url, part2_data(name="Autre nom", action="draft"), **via_proxy(MALLORY))
        assert refused.status_code == 429
        assert MEMBERSHIP_MESSAGE in html(refused) and 'value="Autre nom"' in html(refused)
        application.refresh_from_db()
        assert application.draft_data["name"] != ["Autre nom"]
        assert client.post(url, part2_data(action="draft"), **via_proxy(ALICE)).status_code == 302

        assert client.post(autosave, {"name": "A"}, **via_proxy(MALLORY)).status_code == 204
        assert client.post(autosave, {"name": "B"}, **via_proxy(MALLORY)).status_code == 429
        assert client.post(autosave, {"name": "C"}, **via_proxy(ALICE)).status_code == 204


class TestAccessRequests:
    ADD = reverse("membership_account_requests:add")

    def referent(self):
        company = OrganisationFactory(company=True)
        user = UserFactory(organisation=company, roles=[Role.ORGANISATION_REFERENT])
        company.referent = user
        company.save()
        client = Client()
        client.force_login(user)
        return client

    def post(self, client, n, **meta):
        data = {"last_name": "Martin", "first_name": "Camille", "email": f"camille{n}@exemple.test"}
        return client.post(self.ADD, {**data, "role": Role.COMPANY_RECRUITER.value}, **meta)

    def test_visitors_behind_the_proxy_have_separate_budgets(self, behind_proxy, rates):
        rates(access_request_client="1/h")
        first, second = self.referent(), self.referent()
        assert self.post(first, 1, **via_proxy(MALLORY)).status_code == 302
        refused = self.post(second, 2, **via_proxy(MALLORY, forged=ALICE))
        assert refused.status_code == 429
        assert ACCESS_REQUEST_MESSAGE in html(refused) and 'value="camille2@exemple.test"' in html(refused)
        assert self.post(second, 3, **via_proxy(ALICE)).status_code == 302
        assert AccountRequest.objects.count() == 2

    def test_per_referent(self, behind_proxy, rates):
        rates(access_request_user="1/h")
        referent = self.referent()
        assert self.post(referent, 1, **via_proxy(MALLORY)).status_code == 302
        assert self.post(referent, 2, **via_proxy(ALICE)).status_code == 429
        assert AccountRequest.objects.count() == 1
