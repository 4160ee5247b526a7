"""SMTP stopped, then restarted: the e-mails recorded meanwhile are retried and received exactly once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail
from portal.mail.queue import queue_email
from portal.mail.tasks import retry_due_emails

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


def test_smtp_stopped_then_restarted(smtp):
    smtp.stop()
    emails = [
        queue_email(to=[f"personne{i}@exemple.test"], subject=f"Message {i}", body_text="Bonjour") for i in range(3)
    ]
    assert [e.state for e in emails] == [EmailState.RETRYING] * 3
    assert all("Connection" in e.last_error or "refused" in e.last_error.lower() for e in emails)

    smtp.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert retry_due_emails() == 3
    assert retry_due_emails() == 0  # nothing left: a second sweep sends nothing again
    assert smtp.handler.message_ids() == {e.message_id: 1 for e in emails}
    assert set(OutgoingEmail.objects.values_list("state", flat=True)) == {EmailState.SENT}


def test_smtp_stops_in_the_middle_of_a_batch(smtp):
    """The server goes away after the first message: the second is retried later, the first never again."""
    first = queue_email(to=["a@exemple.test"], subject="Premier", body_text="1")
    smtp.stop()
    second = queue_email(to=["b@exemple.test"], subject="Second", body_text="2")
    smtp.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    retry_due_emails()
    assert smtp.handler.message_ids() == {first.message_id: 1, second.message_id: 1}
