"""Idle extranet sessions expire (NEGE_SESSION_IDLE_MINUTES) and the last activity is not written on every request."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts import rules
from portal.accounts.idle import LAST_ACTIVITY_SESSION_KEY, idle_message

from .factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = "/extranet/"


@pytest.fixture
def logged_in(client):
    user = UserFactory(roles=["Référent Emploi"])
    client.force_login(user)
    return user


def last_activity_ago(client, seconds):
    """Pretend the last recorded activity happened `seconds` ago (no sleeping)."""
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time()) - seconds
    session.save()


def session_writes(client, path=HOME):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [
        q["sql"]
        for q in queries
        if "django_session" in q["sql"] and q["sql"].lstrip().upper()[:6] in ("UPDATE", "INSERT")
    ]


def test_the_login_starts_the_count(client, logged_in):
    assert abs(client.session[LAST_ACTIVITY_SESSION_KEY] - time.time()) < 5


def test_after_the_idle_time_the_user_is_logged_out_with_a_french_message(client, logged_in, settings):
    assert settings.NEGE_SESSION_IDLE_MINUTES == 120  # the default: two hours
    last_activity_ago(client, 121 * 60)
    response = client.get(reverse("recruitment_dossiers:index"))
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response.url).content.decode()
    assert "Votre session a expiré après une période d&#x27;inactivité de 2 heures" in page
    assert client.get(HOME).status_code == 302  # still logged out


def test_an_active_session_stays_open(client, logged_in):
    last_activity_ago(client, 119 * 60)
    assert client.get(HOME).status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY_SESSION_KEY] < 5  # the activity was recorded


def test_the_idle_time_is_a_setting(client, logged_in, settings):
    settings.NEGE_SESSION_IDLE_MINUTES = 5
    last_activity_ago(client, 6 * 60)
    assert client.get(HOME).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_activity_is_written_at_most_once_a_minute(client, logged_in):
    assert session_writes(client) == []  # just logged in: nothing to write
    assert session_writes(client) == []
    last_activity_ago(client, 30)
    recorded = client.session[LAST_ACTIVITY_SESSION_KEY]
    assert session_writes(client) == []
    assert client.session[LAST_ACTIVITY_SESSION_KEY] == recorded
    last_activity_ago(client, 61)
    assert len(session_writes(client)) == 1
    assert client.session[LAST_ACTIVITY_SESSION_KEY] > recorded


def test_the_public_site_neither_counts_nor_expires(client, logged_in):
    last_activity_ago(client, 121 * 60)
    assert session_writes(client, "/") == []
    assert "_auth_user_id" in client.session


def test_rules():
    assert not rules.session_is_idle(None, 10_000, 120)
    assert rules.session_is_idle(0, 120 * 60 + 1, 120)
    assert not rules.session_is_idle(0, 120 * 60, 120)
    assert rules.activity_needs_writing(None, 0)
    assert not rules.activity_needs_writing(100, 159)
    assert rules.activity_needs_writing(100, 160)
    assert idle_message(90).startswith("Votre session a expiré après une période d'inactivité de 90 minutes")
