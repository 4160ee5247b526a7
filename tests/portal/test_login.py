"""Extranet login: by username or e-mail, inactive accounts refused, rate limited."""

import pytest
from django.urls import reverse

from portal.accounts.views import RATE_LIMIT_MESSAGE

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
