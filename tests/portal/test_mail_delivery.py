"""E-mail exactly once, as far as SMTP allows: stable Message-ID, claim with a lease before SMTP,
delivery journal outside the database, sweeper within 2 minutes, broker failures after the commit."""

import smtplib
from datetime import timedelta

import pytest
import redis
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import OperationalError, connection
from django.utils import timezone

from portal import schedules
from portal.mail import delivery, journal
from portal.mail.enums import AttemptOutcome, EmailState
from portal.mail.models import OutgoingEmail
from portal.mail.queue import queue_email
from portal.mail.tasks import deliver_email, retry_due_emails
from portal.tasks import run_async
from tests.directory.factories import company_with_hr

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def queue_one(**kwargs):
    return queue_email(to=["rh@entreprise.test"], subject="Objet", body_text="Bonjour", **kwargs)


def message_id_of(message):
    return message.message()["Message-ID"]


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connexion perdue")


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"rh@entreprise.test": (550, b"5.1.1 User unknown")})


class WatchingBackend(LocmemBackend):
    """Records, at the moment of the SMTP conversation, what the database and the connection look like."""

    seen = []

    def send_messages(self, messages):
        email = OutgoingEmail.objects.get(message_id=messages[0].extra_headers["Message-ID"])
        WatchingBackend.seen.append(
            {"state": email.state, "claimed_until": email.claimed_until, "atomic": len(connection.atomic_blocks)}
        )
        return super().send_messages(messages)


class TestMessageId:
    def test_every_email_gets_its_own_message_id_and_is_sent_with_it(self, mailoutbox, settings):
        settings.NEGE_EMAIL_DOMAIN = "numeric-emploi.org"
        first, second = queue_one(), queue_one()
        assert first.message_id != second.message_id
        assert first.message_id.startswith("<") and first.message_id.endswith("@numeric-emploi.org>")
        assert [message_id_of(m) for m in mailoutbox] == [first.message_id, second.message_id]

    def test_a_retry_resends_the_same_message_id(self, settings, mailoutbox):
        settings.NEGE_EMAIL_BACKEND = "tests.portal.test_mail_delivery.FailingBackend"
        email = queue_one(headers={"Message-ID": "<choisi@ailleurs.test>"})  # a caller's own id never wins
        assert email.state == EmailState.RETRYING
        settings.NEGE_EMAIL_BACKEND = LOCMEM
        deliver_email(email.pk)
        assert [message_id_of(m) for m in mailoutbox] == [email.message_id]
        attempts = list(email.delivery_attempts.all())
        assert [a.message_id for a in attempts] == [email.message_id] * 2
        assert [a.outcome for a in attempts] == [AttemptOutcome.FAILED, AttemptOutcome.SENT]

    def test_bulk_created_emails_get_distinct_ids(self):
        emails = OutgoingEmail.objects.bulk_create(
            [OutgoingEmail(to=["a@b.test"], subject="x", body_text="y") for _ in range(3)]
        )
        assert len({e.message_id for e in OutgoingEmail.objects.filter(pk__in=[e.pk for e in emails])}) == 3


class TestClaim:
    def test_the_row_is_claimed_and_committed_before_smtp_and_no_transaction_is_open(self, settings, mailoutbox):
        settings.NEGE_TASKS_SYNC = False
        settings.NEGE_EMAIL_BACKEND = "tests.portal.test_mail_delivery.WatchingBackend"
        WatchingBackend.seen = []
        email = queue_one()
        outside = len(connection.atomic_blocks)  # the test's own transaction
        deliver_email(email.pk)
        [seen] = WatchingBackend.seen
        assert seen["state"] == EmailState.SENDING
        assert seen["claimed_until"] > timezone.now() + timedelta(seconds=settings.NEGE_EMAIL_LEASE - 60)
        assert seen["atomic"] == outside
        email.refresh_from_db()
        assert email.state == EmailState.SENT and not email.claim_token and email.claimed_until is None

    def test_a_live_claim_is_left_alone(self, settings, mailoutbox):
        settings.NEGE_TASKS_SYNC = False
        email = queue_one()
        assert delivery.claim(email.pk) is not None  # another worker is talking to SMTP right now
        deliver_email(email.pk)
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=1))
        assert retry_due_emails() == 0
        assert mailoutbox == []

    def test_an_expired_claim_without_journal_entry_is_sent_again_with_the_same_message_id(self, settings, mailoutbox):
        settings.NEGE_TASKS_SYNC = False
        email = queue_one()
        delivery.claim(email.pk)  # ...and the worker dies before the server accepted anything
        OutgoingEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
        assert retry_due_emails() == 1
        assert [message_id_of(m) for m in mailoutbox] == [email.message_id]
        first, second = email.delivery_attempts.all()
        assert first.outcome == AttemptOutcome.FAILED and first.error == delivery.INTERRUPTED
        assert second.outcome == AttemptOutcome.SENT


class TestJournal:
    @pytest.fixture
    def accepted_but_not_recorded(self, settings, monkeypatch):
        """SMTP accepted the message, then the database went away before the outcome was written."""
        settings.NEGE_TASKS_SYNC = False

        def lost(*args):
            raise OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(delivery, "_record_success", lost)
        email = queue_one()
        deliver_email(email.pk)
        monkeypatch.undo()
        email.refresh_from_db()
        assert email.state == EmailState.SENDING
        assert journal.is_recorded(email.message_id)
        return email

    def test_the_sweeper_records_it_as_sent_first_thing(
        self, accepted_but_not_recorded, mailoutbox, django_capture_on_commit_callbacks
    ):
        email = accepted_but_not_recorded  # its lease still runs: only the journal can tell
        with django_capture_on_commit_callbacks(execute=True):
            assert retry_due_emails() == 0
        email.refresh_from_db()
        assert email.state == EmailState.SENT and email.sent_at is not None
        assert len(mailoutbox) == 1
        assert journal.entries() == []
        assert email.delivery_attempts.get().outcome == AttemptOutcome.SENT

    def test_a_claim_checks_the_journal_before_any_resend(self, accepted_but_not_recorded, mailoutbox):
        email = accepted_but_not_recorded
        OutgoingEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
        deliver_email(email.pk)  # e.g. the broker hands the task over again once the lease expired
        email.refresh_from_db()
        assert email.state == EmailState.SENT
        assert len(mailoutbox) == 1

    @pytest.mark.django_db(transaction=True)
    def test_a_lost_connection_is_reopened_and_the_outcome_written_at_once(self, settings, monkeypatch, mailoutbox):
        settings.NEGE_TASKS_SYNC = False
        real, calls = delivery._record_success, []

        def first_write_lost(*args):
            calls.append(1)
            if len(calls) == 1:
                raise OperationalError("terminating connection due to administrator command")
            return real(*args)

        monkeypatch.setattr(delivery, "_record_success", first_write_lost)
        email = queue_one()
        deliver_email(email.pk)
        email.refresh_from_db()
        assert email.state == EmailState.SENT and len(calls) == 2 and len(mailoutbox) == 1
        assert journal.entries() == []  # forgotten once the database had it


class TestFailures:
    def test_a_permanent_refusal_is_bounced_not_retried(self, settings, mailoutbox):
        settings.NEGE_EMAIL_BACKEND = "tests.portal.test_mail_delivery.RefusingBackend"
        email = queue_one()
        assert email.state == EmailState.BOUNCED and email.next_attempt_at is None
        assert "550 5.1.1 User unknown" in email.last_error and "rh@entreprise.test" not in email.last_error
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=1))
        assert retry_due_emails() == 0
        assert email.delivery_attempts.get().outcome == AttemptOutcome.REFUSED


class TestSweeper:
    def test_a_queued_email_whose_task_was_lost_is_picked_up_within_two_minutes(self, settings, mailoutbox):
        settings.NEGE_TASKS_SYNC = False
        email = queue_one()
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(seconds=10))
        assert retry_due_emails() == 0  # its task may still be on its way
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(seconds=31))
        assert retry_due_emails() == 1
        assert len(mailoutbox) == 1

    def test_worst_case_delay_is_under_two_minutes(self, settings):
        """Eligible after NEGE_EMAIL_SWEEP_AFTER, swept every minute, by a scheduler that looks every 30 s."""
        [spec] = [s for s in schedules._REGISTRY.values() if s["func"] == "portal.mail.tasks.retry_due_emails"]
        assert spec["minutes"] == 1
        assert settings.NEGE_EMAIL_SWEEP_AFTER + 60 * spec["minutes"] + 30 <= 120


class TestBrokerDown:
    @pytest.mark.parametrize(
        "error", [redis.exceptions.ConnectionError("Connection refused"), OperationalError("database is locked")]
    )
    @pytest.mark.django_db(transaction=True)
    def test_contact_form_answers_its_success_redirect(self, client, settings, monkeypatch, mailoutbox, error):
        settings.NEGE_TASKS_SYNC = False

        def broker_down(*args, **kwargs):
            raise error

        monkeypatch.setattr("portal.tasks.async_task", broker_down)
        company = company_with_hr()
        response = client.post(
            f"/annuaire/{company.slug}/",
            {
                "name": "Anne Martin",
                "email": "anne@exemple.test",
                "subject": "Candidature",
                "message": "Bonjour, je vous écris.",
                "consent": "on",
                "website": "",
            },
        )
        assert response.status_code == 302 and "envoye=1" in response["Location"]
        assert OutgoingEmail.objects.filter(state=EmailState.QUEUED).count() == 2  # committed, waiting
        OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(minutes=1))
        assert retry_due_emails() == 2
        assert len(mailoutbox) == 2

    def test_hand_over_logs_instead_of_raising(self, settings, monkeypatch, caplog, django_capture_on_commit_callbacks):
        settings.NEGE_TASKS_SYNC = False
        monkeypatch.setattr("portal.tasks.async_task", lambda *a, **k: (_ for _ in ()).throw(ConnectionError("down")))
        with django_capture_on_commit_callbacks(execute=True):
            run_async("portal.mail.tasks.deliver_email", 1)
        assert "not handed to the broker" in caplog.text
