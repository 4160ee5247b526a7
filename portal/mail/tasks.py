"""Worker side of the e-mail queue: deliver, and retry with backoff."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from .enums import EmailState
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Minutes to wait after the n-th failure.
BACKOFF_MINUTES = [1, 5, 15, 60, 180, 720]


def backoff(attempts):
    return timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def deliver_email(email_id):
    """Send one recorded e-mail; a failure is recorded and retried later by `retry_due_emails`."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, state__in=[EmailState.QUEUED, EmailState.RETRYING])
            .first()
        )
        if email is None:  # already sent, abandoned, or being sent by another worker
            return
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
            to=email.to,
            cc=email.cc,
            bcc=email.bcc,
            reply_to=email.reply_to,
            headers=email.headers,
            connection=get_connection(settings.NEGE_EMAIL_BACKEND),
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        for attachment in email.attachments.all():
            with attachment.file.open("rb") as f:
                message.attach(attachment.filename, f.read(), attachment.mimetype)
        email.attempts += 1
        try:
            message.send()
        except Exception as exc:  # any transport error: record it and retry later
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if email.attempts >= settings.NEGE_EMAIL_MAX_ATTEMPTS:
                email.state = EmailState.ABANDONED
                email.next_attempt_at = None
            else:
                email.state = EmailState.RETRYING
                email.next_attempt_at = timezone.now() + backoff(email.attempts)
            logger.warning("E-mail %s failed (attempt %s): %s", email.pk, email.attempts, type(exc).__name__)
        else:
            email.state = EmailState.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            email.next_attempt_at = None
        email.save(update_fields=["state", "attempts", "last_error", "next_attempt_at", "sent_at"])


def retry_due_emails():
    """Scheduled every minute: retry failed e-mails whose time has come, and any queued e-mail
    whose hand-over to the worker was lost (e.g. a crash between commit and enqueue)."""
    now = timezone.now()
    due = OutgoingEmail.objects.filter(
        state=EmailState.RETRYING, next_attempt_at__lte=now
    ) | OutgoingEmail.objects.filter(state=EmailState.QUEUED, created_at__lte=now - timedelta(minutes=10))
    count = 0
    for email_id in due.values_list("pk", flat=True)[:500]:
        deliver_email(email_id)
        count += 1
    return count
