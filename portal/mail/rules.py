"""Rules of the e-mail queue, as small pure functions (who may be sent, when, and what a failure means)."""

import smtplib
from datetime import timedelta

from .enums import EmailState

# Minutes to wait after the n-th failure.
BACKOFF_MINUTES = [1, 5, 15, 60, 180, 720]

# States from which a worker may take a message (a `sending` row only once its lease has expired).
CLAIMABLE_STATES = (EmailState.QUEUED, EmailState.RETRYING)
# States from which an administrator may send a message again ("Renvoyer").
RESENDABLE_STATES = (EmailState.RETRYING, EmailState.ABANDONED, EmailState.BOUNCED)


def backoff(attempts):
    """Delay before the next try after the `attempts`-th failure."""
    return timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def lease_expired(claimed_until, now):
    """A claim whose worker neither recorded an outcome nor renewed it in time is considered dead."""
    return claimed_until is not None and claimed_until < now


def is_permanent_failure(exc):
    """True when the server refused the message for good (5xx on every recipient, or on the content).

    Connection errors, time-outs, 4xx answers and authentication problems are transient (or a
    configuration problem the operator fixes): they are retried."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(exc, smtplib.SMTPDataError):
        return exc.smtp_code >= 500
    return isinstance(exc, NoRecipient)


def describe_failure(exc):
    """The error as recorded on the e-mail and its attempt; refused recipients by code and answer, without
    their addresses (the recipients are on the e-mail already)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        answers = sorted({f"{code} {_text(message)}" for code, message in exc.recipients.values()})
        return f"{type(exc).__name__}: {'; '.join(answers)}"[:2000]
    return f"{type(exc).__name__}: {exc}"[:2000]


def _text(message):
    return message.decode(errors="replace") if isinstance(message, bytes) else str(message)


def state_after_failure(attempts, max_attempts, *, permanent):
    """(state, delay before the next try or None) after a failed attempt."""
    if permanent:
        return EmailState.BOUNCED, None
    if attempts >= max_attempts:
        return EmailState.ABANDONED, None
    return EmailState.RETRYING, backoff(attempts)


def may_resend(state):
    """An administrator may send again a message that failed, was abandoned or refused."""
    return state in RESENDABLE_STATES


class NoRecipient(Exception):
    """The message has no address left to send to."""

    def __str__(self):
        return "Aucun destinataire"
