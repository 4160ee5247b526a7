"""Exactly once, as far as SMTP allows: claim, send outside any transaction, journal, record.

1. **Claim** (one short committed transaction): lock the row (`SKIP LOCKED`), check the delivery
   journal for its Message-ID (accepted before? then record "sent" and stop), else mark it
   `sending` with a random claim token and a lease (`NEGE_EMAIL_LEASE` seconds).
2. **Send** with no transaction open and the row's own Message-ID, so a retry is recognisably the
   same message.
3. **Journal** the acceptance (fsync'd, outside the database) as soon as the server says 250.
4. **Record** the outcome, only if the claim is still ours; a lost database connection is closed
   and the write retried on a fresh one. When the database stays away, the journal entry is
   reconciled later by the sweeper, before any re-send.

A row whose lease expired without an outcome and without a journal entry was never accepted:
it is sent again with the same Message-ID. The one window SMTP itself leaves open is between
the server's acceptance and the journal's fsync (a few milliseconds): a crash exactly there
yields a second copy with the same Message-ID, which mail clients recognise.
"""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from . import journal, rules
from .enums import AttemptOutcome, EmailState
from .models import OutgoingEmail, OutgoingEmailAttempt

logger = logging.getLogger(__name__)

RECORD_TRIES = 3
INTERRUPTED = "Envoi interrompu : aucun résultat avant la fin du délai de réservation"


def claimable(now):
    return Q(state__in=rules.CLAIMABLE_STATES) | Q(state=EmailState.SENDING, claimed_until__lt=now)


def claim(email_id):
    """Take the e-mail for one attempt; (email, attempt) or None when there is nothing to send."""
    now = timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update(skip_locked=True).filter(claimable(now), pk=email_id).first()
        if email is None:  # already sent, abandoned, or being sent by another worker
            return None
        accepted_at = journal.accepted_at(email.message_id)
        if accepted_at is not None:  # the server accepted it; the outcome never reached the database
            _mark_sent(email.pk, email.message_id, accepted_at)
            transaction.on_commit(lambda: journal.forget(email.message_id))
            return None
        if email.state == EmailState.SENDING:  # its worker died mid-send, before the server accepted it
            OutgoingEmailAttempt.objects.filter(email=email, outcome=AttemptOutcome.PENDING).update(
                outcome=AttemptOutcome.FAILED, finished_at=now, error=INTERRUPTED
            )
        email.state = EmailState.SENDING
        email.claim_token = uuid.uuid4().hex
        email.claimed_until = now + timedelta(seconds=settings.NEGE_EMAIL_LEASE)
        email.attempts += 1
        email.save(update_fields=["state", "claim_token", "claimed_until", "attempts"])
        attempt = OutgoingEmailAttempt.objects.create(email=email, message_id=email.message_id, started_at=now)
    return email, attempt


def build_message(email, *, connection=None, with_attachments=True):
    """The message as the server receives it, Message-ID included (any caller-given one is replaced)."""
    headers = {k: v for k, v in email.headers.items() if k.lower() != "message-id"}
    headers["Message-ID"] = email.message_id
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        cc=email.cc,
        bcc=email.bcc,
        reply_to=email.reply_to,
        headers=headers,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    if with_attachments:
        for attachment in email.attachments.all():
            with attachment.file.open("rb") as f:
                message.attach(attachment.filename, f.read(), attachment.mimetype)
    return message


def send(email):
    """Hand the message to the transport; return when the server has accepted it, raise otherwise."""
    backend = get_connection(settings.NEGE_EMAIL_BACKEND)
    message = build_message(email, connection=backend)
    backend.open()
    try:
        if not backend.send_messages([message]):
            raise rules.NoRecipient
    finally:
        try:
            backend.close()  # the message is accepted: a failing QUIT changes nothing
        except Exception:  # noqa: BLE001
            logger.info("E-mail %s: closing the mail connection failed", email.pk)


def deliver(email_id):
    """Claim, send, journal and record one e-mail; never raises once the server has the message."""
    claimed = claim(email_id)
    if claimed is None:
        return None
    email, attempt = claimed
    try:
        send(email)
    except Exception as exc:  # any transport error: record it, retry later or give up
        logger.warning("E-mail %s failed (attempt %s): %s", email.pk, email.attempts, type(exc).__name__)
        _record(_record_failure, email, attempt, exc)
        return False
    accepted_at = timezone.now()
    try:
        journal.record(email.message_id, accepted_at)
    except OSError:
        logger.exception("E-mail %s: the delivery journal could not be written", email.pk)
    _record(_record_success, email, attempt, accepted_at)
    return True


def reconcile_journal():
    """Record "sent" for every message the journal says was accepted; return how many rows changed."""
    changed = 0
    for message_id, accepted_at in journal.entries():
        changed += _mark_sent(None, message_id, accepted_at)
        transaction.on_commit(lambda m=message_id: journal.forget(m))
    return changed


def _record(write, *args):
    """Write an outcome; on a lost connection, reconnect and write again (the journal covers the rest)."""
    for attempt in range(1, RECORD_TRIES + 1):
        try:
            return write(*args)
        except DatabaseError as exc:
            logger.warning("E-mail outcome not recorded (%s), try %s", type(exc).__name__, attempt)
            if connection.in_atomic_block:
                break  # inside the caller's transaction (NEGE_TASKS_SYNC): nothing to reconnect
            connection.close()
            time.sleep(0.2 * attempt)
    logger.error("E-mail outcome left to the sweeper (the delivery journal holds the acceptance)")
    return None


def _record_success(email, attempt, accepted_at):
    with transaction.atomic():
        _mark_sent(email.pk, email.message_id, accepted_at, token=email.claim_token)  # closes `attempt` too
    transaction.on_commit(lambda: journal.forget(email.message_id))


def _record_failure(email, attempt, exc):
    error = rules.describe_failure(exc)
    permanent = rules.is_permanent_failure(exc)
    state, delay = rules.state_after_failure(email.attempts, settings.NEGE_EMAIL_MAX_ATTEMPTS, permanent=permanent)
    now = timezone.now()
    with transaction.atomic():
        OutgoingEmail.objects.filter(pk=email.pk, claim_token=email.claim_token).update(
            state=state,
            last_error=error,
            next_attempt_at=now + delay if delay else None,
            claim_token="",
            claimed_until=None,
        )
        OutgoingEmailAttempt.objects.filter(pk=attempt.pk).update(
            outcome=AttemptOutcome.REFUSED if permanent else AttemptOutcome.FAILED, finished_at=now, error=error
        )


def _mark_sent(email_id, message_id, accepted_at, token=None):
    """Record the acceptance of `message_id` (by the claim `token`, when given); rows updated."""
    rows = OutgoingEmail.objects.filter(message_id=message_id).exclude(state=EmailState.SENT)
    if email_id is not None:
        rows = rows.filter(pk=email_id)
    if token is not None:
        rows = rows.filter(claim_token=token)
    updated = rows.update(
        state=EmailState.SENT,
        sent_at=accepted_at,
        last_error="",
        next_attempt_at=None,
        claim_token="",
        claimed_until=None,
    )
    OutgoingEmailAttempt.objects.filter(message_id=message_id, outcome=AttemptOutcome.PENDING).update(
        outcome=AttemptOutcome.SENT, finished_at=accepted_at
    )
    return updated
