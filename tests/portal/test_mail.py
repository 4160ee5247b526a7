"""The e-mail queue: every e-mail is recorded, delivered by the worker, retried, never lost."""

import smtplib
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail
from portal.mail.queue import queue_email, send_templated_email
from portal.mail.tasks import deliver_email, retry_due_emails

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connexion perdue")


def queue_one(**kwargs):
    return queue_email(to=["rh@entreprise.test"], subject="Objet", body_text="Bonjour", **kwargs)


class TestQueue:
    def test_email_is_recorded_then_delivered(self, mailoutbox):
        email = queue_one(cc=["copie@nege.test"], attachments=[("cv.txt", b"Mon CV", "text/plain")])
        assert email.state == EmailState.SENT
        assert email.attempts == 1
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == ["rh@entreprise.test"]
        assert message.cc == ["copie@nege.test"]
        assert message.attachments[0][0:2] == ("cv.txt", "Mon CV")

    def test_templated_email_has_text_and_html_with_signature(self, mailoutbox, settings, tmp_path):
        (tmp_path / "t").mkdir()
        (tmp_path / "t" / "hello_subject.txt").write_text("Bonjour {{ name }}")
        (tmp_path / "t" / "hello_body.txt").write_text("Message pour {{ name }} & co")
        engine = settings.TEMPLATES[0]
        settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}]
        send_templated_email("t/hello", {"name": "Anne"}, to="anne@exemple.test")
        message = mailoutbox[0]
        assert message.subject == "Bonjour Anne"
        assert "Message pour Anne & co" in message.body
        assert "L'équipe de Numéric'Emploi Grand Est" in message.body
        html = message.alternatives[0][0]
        assert "Message pour Anne &amp; co" in html

    def test_django_send_mail_goes_through_the_queue(self, mailoutbox):
        from django.core.mail import send_mail

        send_mail("Réinitialisation", "Lien", None, ["anne@exemple.test"])
        email = OutgoingEmail.objects.get()
        assert email.subject == "Réinitialisation"
        assert email.state == EmailState.SENT
        assert mailoutbox[0].to == ["anne@exemple.test"]

    def test_already_sent_email_is_not_sent_twice(self, mailoutbox):
        email = queue_one()
        deliver_email(email.pk)
        assert len(mailoutbox) == 1


class TestRetries:
    def test_failure_is_recorded_and_retried_later(self, settings, mailoutbox):
        settings.NEGE_EMAIL_BACKEND = "tests.portal.test_mail.FailingBackend"
        email = queue_one()
        assert email.state == EmailState.RETRYING
        assert email.attempts == 1
        assert "SMTPServerDisconnected" in email.last_error
        assert email.next_attempt_at > timezone.now()

        # Not yet due: nothing happens.
        settings.NEGE_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        assert retry_due_emails() == 0
        OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
        assert retry_due_emails() == 1
        email.refresh_from_db()
        assert email.state == EmailState.SENT
        assert email.attempts == 2
        assert len(mailoutbox) == 1

    def test_abandoned_after_max_attempts(self, settings):
        settings.NEGE_EMAIL_BACKEND = "tests.portal.test_mail.FailingBackend"
        settings.NEGE_EMAIL_MAX_ATTEMPTS = 2
        email = queue_one()
        OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        retry_due_emails()
        email.refresh_from_db()
        assert email.state == EmailState.ABANDONED
        assert email.attempts == 2

    def test_queued_email_lost_by_the_broker_is_picked_up(self, settings, mailoutbox):
        settings.NEGE_TASKS_SYNC = False  # the hand-over to the worker never happens in this test
        email = queue_one()
        assert email.state == EmailState.QUEUED
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(minutes=11))
        assert retry_due_emails() == 1
        assert len(mailoutbox) == 1


@pytest.mark.postgresql  # the worker processes cannot see an in-memory SQLite test database
@pytest.mark.django_db(transaction=True)
def test_worker_delivers_queued_email(settings, tmp_path, monkeypatch):
    """The real django-q2 worker (database broker) picks the task up and sends the e-mail."""
    from django_q.conf import Conf

    settings.NEGE_TASKS_SYNC = False
    settings.NEGE_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    # Whatever the environment says, use the database broker and one worker for this test.
    for name, value in {"ORM": "default", "REDIS": None, "SYNC": False, "WORKERS": 1}.items():
        monkeypatch.setattr(Conf, name, value)
    with transaction.atomic():
        email = queue_one()
    assert email.state == EmailState.QUEUED
    connection.close()  # the forked worker processes must not share this connection
    call_command("qcluster", "--run-once")
    email.refresh_from_db()
    assert email.state == EmailState.SENT
    assert len(list((tmp_path / "mail").iterdir())) == 1
