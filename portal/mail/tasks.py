"""Worker side of the e-mail queue: deliver (see `delivery` for the exactly-once protocol), and sweep."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from . import delivery
from .enums import EmailState
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

SWEEP_BATCH = 500
SWEEP_TIME_BUDGET = 90  # seconds: a sweep stays under the worker's task timeout (the next one goes on)


def deliver_email(email_id):
    """Send one recorded e-mail; a failure is recorded and retried later by `retry_due_emails`."""
    return delivery.deliver(email_id)


def due_emails(now):
    """E-mails the sweeper takes: failures whose time has come, queued e-mails whose task was lost,
    and sends whose worker died (expired lease)."""
    lost = now - timedelta(seconds=settings.NEGE_EMAIL_SWEEP_AFTER)
    return OutgoingEmail.objects.filter(
        Q(state=EmailState.RETRYING, next_attempt_at__lte=now)
        | Q(state=EmailState.QUEUED, created_at__lte=lost)
        | Q(state=EmailState.SENDING, claimed_until__lt=now)
    )


def retry_due_emails(time_budget=SWEEP_TIME_BUDGET):
    """Scheduled every minute. First reconcile the delivery journal (sends whose outcome never reached
    the database), then deliver what is due; return the number of e-mails taken."""
    reconciled = delivery.reconcile_journal()
    if reconciled:
        logger.warning("E-mail sweeper: %s send(s) recorded from the delivery journal", reconciled)
    deadline = time.monotonic() + time_budget
    ids = list(due_emails(timezone.now()).order_by("created_at").values_list("pk", flat=True)[:SWEEP_BATCH])
    count = 0
    for email_id in ids:
        deliver_email(email_id)
        count += 1
        if time.monotonic() >= deadline:
            break
    return count
