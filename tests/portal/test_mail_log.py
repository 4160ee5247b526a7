"""E-mail log (Paramètres → Courriels envoyés): the Aperçu with the HTML as sent, and "Renvoyer"."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.accounts.roles import Role
from portal.mail.enums import AttemptOutcome, EmailState
from portal.mail.models import OutgoingEmail
from portal.mail.queue import queue_email
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_mail_outgoingemail"
HTML = '<p>Bonjour <strong>Anne</strong></p><script>alert("x")</script><img src="https://traceur.test/p.gif">'


@pytest.fixture(autouse=True)
def _second_factor_has_its_own_tests(settings):
    settings.NEGE_TWO_FACTOR = "offered"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    return client


@pytest.fixture
def email():
    return queue_email(to=["anne@exemple.test"], subject="Votre demande", body_text="Bonjour Anne", body_html=HTML)


def abandoned(email):
    OutgoingEmail.objects.filter(pk=email.pk).update(state=EmailState.ABANDONED, last_error="SMTPServerDisconnected")
    email.refresh_from_db()
    return email


def refused(response):
    """Wagtail answers a PermissionDenied in the extranet with a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/extranet/")


def reader_client(client):
    """A user who may read the log but not re-send."""
    user = UserFactory(roles=[Role.EDITOR])
    user.user_permissions.add(
        Permission.objects.get(codename="view_outgoingemail"), Permission.objects.get(codename="access_admin")
    )
    client.force_login(user)
    return client


class TestApercu:
    def test_shows_headers_text_attempts_and_the_html_in_a_sandboxed_frame(self, admin_client, email):
        page = admin_client.get(reverse(f"{NS}:inspect", args=[email.pk])).content.decode()
        html_url = reverse(f"{NS}:html", args=[email.pk])
        assert f'<iframe class="mail-preview" src="{html_url}" sandbox ' in page
        assert email.message_id.replace("<", "&lt;").replace(">", "&gt;") in page
        assert "Bonjour Anne" in page  # the text version
        assert "Accepté par le serveur" in page  # the attempt
        assert "<script>alert" not in page  # the HTML only lives in the frame
        assert "Renvoyer" not in page  # a sent e-mail is not re-sent

    def test_html_is_served_as_sent_under_a_strict_policy(self, admin_client, email):
        response = admin_client.get(reverse(f"{NS}:html", args=[email.pk]))
        assert response.status_code == 200
        assert response.content.decode() == HTML
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "sandbox" in policy and "frame-ancestors 'self'" in policy
        assert "script-src" not in policy and "img-src data:" in policy  # no script, no remote image
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    def test_html_needs_the_view_permission(self, client, email):
        client.force_login(UserFactory(roles=[Role.EDITOR]))
        assert refused(client.get(reverse(f"{NS}:html", args=[email.pk])))
        client.logout()
        response = client.get(reverse(f"{NS}:html", args=[email.pk]))
        assert response.status_code == 302 and "/extranet/login/" in response["Location"]

    def test_listing_links_to_the_apercu(self, admin_client, email):
        page = admin_client.get(reverse(f"{NS}:list")).content.decode()
        assert "Aperçu" in page and reverse(f"{NS}:inspect", args=[email.pk]) in page

    def test_listing_queries_do_not_grow_with_the_rows(self, admin_client, django_assert_max_num_queries, email):
        admin_client.get(reverse(f"{NS}:list"))  # warm caches (content types, permissions)
        with django_assert_max_num_queries(40) as few:
            admin_client.get(reverse(f"{NS}:list"))
        for _ in range(10):
            queue_email(to=["b@exemple.test"], subject="Autre", body_text="x")
        with django_assert_max_num_queries(len(few.captured_queries)):
            admin_client.get(reverse(f"{NS}:list"))


class TestRenvoyer:
    def test_administrator_confirms_then_resends_under_a_new_message_id(self, admin_client, email, mailoutbox):
        old = abandoned(email).message_id
        url = reverse(f"{NS}:resend", args=[email.pk])
        page = admin_client.get(reverse(f"{NS}:inspect", args=[email.pk])).content.decode()
        assert url in page
        confirm = admin_client.get(url)
        assert confirm.status_code == 200 and "Oui, renvoyer" in confirm.content.decode()
        assert len(mailoutbox) == 1  # a GET changes nothing

        response = admin_client.post(url)
        assert response.status_code == 302 and response["Location"] == reverse(f"{NS}:inspect", args=[email.pk])
        email.refresh_from_db()
        assert email.state == EmailState.SENT and email.message_id != old
        assert mailoutbox[-1].message()["Message-ID"] == email.message_id
        assert [a.message_id for a in email.delivery_attempts.all()] == [old, email.message_id]
        assert [a.outcome for a in email.delivery_attempts.all()] == [AttemptOutcome.SENT, AttemptOutcome.SENT]
        entry = ModelLogEntry.objects.get(action="mail.resend")
        assert entry.object_id == str(email.pk) and entry.data == {
            "previous_message_id": old,
            "message_id": email.message_id,
        }

    @pytest.mark.parametrize("state", [EmailState.RETRYING, EmailState.BOUNCED])
    def test_failed_and_refused_emails_may_be_resent(self, admin_client, email, state, mailoutbox):
        OutgoingEmail.objects.filter(pk=email.pk).update(state=state)
        admin_client.post(reverse(f"{NS}:resend", args=[email.pk]))
        email.refresh_from_db()
        assert email.state == EmailState.SENT and len(mailoutbox) == 2

    def test_a_sent_email_is_not_resent(self, admin_client, email, mailoutbox):
        response = admin_client.post(reverse(f"{NS}:resend", args=[email.pk]))
        assert response.status_code == 302
        assert len(mailoutbox) == 1 and not ModelLogEntry.objects.filter(action="mail.resend").exists()

    def test_reading_the_log_does_not_allow_resending(self, client, email, mailoutbox):
        reader = reader_client(client)
        abandoned(email)
        assert reader.get(reverse(f"{NS}:inspect", args=[email.pk])).status_code == 200
        assert refused(reader.post(reverse(f"{NS}:resend", args=[email.pk])))
        assert (
            reverse(f"{NS}:resend", args=[email.pk])
            not in reader.get(reverse(f"{NS}:inspect", args=[email.pk])).content.decode()
        )
        assert len(mailoutbox) == 1

    def test_administrators_hold_the_permission(self):
        admin = UserFactory(roles=[Role.ADMINISTRATOR])
        assert admin.has_perm("mail.resend_outgoingemail") and admin.has_perm("mail.view_outgoingemail")
        assert not UserFactory(roles=[Role.EDITOR]).has_perm("mail.resend_outgoingemail")
