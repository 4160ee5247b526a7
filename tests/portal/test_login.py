"""Extranet login: by username or e-mail, inactive accounts refused (pending applicants told why), rate limited."""

import pytest
from django.urls import reverse

from membership.login import PENDING_MESSAGE
from portal.limits import LOGIN_MESSAGE as RATE_LIMIT_MESSAGE
from tests.membership.factories import MembershipApplicationFactory

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, identifier, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": identifier, "password": password})


class TestLogin:
    def test_login_by_username(self, client):
        UserFactory(username="referent.a", roles=["Référent Emploi"])
        response = login(client, "referent.a")
        assert response.status_code == 302
        assert client.get(reverse("wagtailadmin_home")).status_code == 200

    def test_login_by_email_any_case(self, client):
        UserFactory(username="referent.a", email="referent.a@exemple.test", roles=["Référent Emploi"])
        assert login(client, "Referent.A@Exemple.test").status_code == 302

    def test_wrong_password_is_refused(self, client):
        UserFactory(username="referent.a", roles=["Référent Emploi"])
        response = login(client, "referent.a", "mauvais")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    def test_inactive_account_is_refused(self, client):
        UserFactory(username="candidat", inactive=True, roles=["Référent Emploi"])
        assert login(client, "candidat").status_code == 200
        assert "_auth_user_id" not in client.session

    def test_usual_message_for_an_inactive_account_without_pending_application(self, client):
        UserFactory(username="ancien", inactive=True)
        MembershipApplicationFactory(applicant__username="brouillon", draft=True)
        for identifier in ("ancien", "brouillon"):
            content = login(client, identifier).content.decode()
            assert "ne correspondent" in content and "attend la décision" not in content

    def test_repeated_failures_are_rate_limited_and_keep_the_username(self, client):
        UserFactory(username="referent.a", roles=["Référent Emploi"])
        for _ in range(10):
            login(client, "referent.a", "mauvais")
        response = login(client, "referent.a")  # even the right password is refused for now
        assert response.status_code == 429
        content = response.content.decode()
        assert RATE_LIMIT_MESSAGE.replace("'", "&#x27;") in content
        assert 'value="referent.a"' in content
        assert "_auth_user_id" not in client.session


class TestPendingApplicant:
    @pytest.fixture
    def applicant(self):
        return MembershipApplicationFactory(
            applicant__username="demandeur", applicant__email="demandeur@exemple.test"
        ).applicant

    @pytest.mark.parametrize("identifier", ["demandeur", "Demandeur@Exemple.test"])
    def test_told_the_application_awaits_the_decision(self, client, applicant, identifier):
        response = login(client, identifier)
        assert response.status_code == 200
        content = response.content.decode()
        assert PENDING_MESSAGE.replace("'", "&#x27;") in content
        assert "ne correspondent" not in content
        assert "_auth_user_id" not in client.session

    def test_a_wrong_password_reveals_nothing(self, client, applicant):
        content = login(client, "demandeur", "mauvais").content.decode()
        assert "attend la décision" not in content and "ne correspondent" in content
        assert "_auth_user_id" not in client.session

    def test_once_accepted_the_applicant_logs_in(self, client, applicant):
        applicant.is_active = True
        applicant.save()
        applicant.membership_applications.update(state="accepted")
        assert login(client, "demandeur").status_code == 302
