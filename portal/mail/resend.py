"""An administrator's "Renvoyer": the same recorded e-mail, sent again as a new message.

A re-send on request is a new send, so it gets a new Message-ID: the old one may have reached
some recipients (a refusal can come after a relay accepted it), a mail client or a filter that
de-duplicates by Message-ID would silently drop a copy carrying it, and the delivery journal
would take it for already accepted. The old Message-ID stays in the attempts' history and in
the log entry.
"""

from django.db import transaction
from wagtail.log_actions import log

from portal.tasks import run_async

from . import rules
from .enums import EmailState
from .models import OutgoingEmail, new_message_id

RESEND_ACTION = "mail.resend"


class ResendRefused(Exception):
    """The e-mail is not in a state that can be sent again."""


def resend(email, user):
    """Queue `email` again under a new Message-ID; log who asked. Raise ResendRefused otherwise."""
    previous = email.message_id
    with transaction.atomic():
        fresh = new_message_id()
        updated = OutgoingEmail.objects.filter(pk=email.pk, state__in=rules.RESENDABLE_STATES).update(
            state=EmailState.QUEUED,
            message_id=fresh,
            attempts=0,
            last_error="",
            next_attempt_at=None,
            claim_token="",
            claimed_until=None,
            sent_at=None,
        )
        if not updated:
            raise ResendRefused("Ce courriel ne peut pas être renvoyé dans son état actuel.")
        email.refresh_from_db()
        log(
            instance=email,
            action=RESEND_ACTION,
            user=user,
            data={"previous_message_id": previous, "message_id": fresh},
        )
        run_async("portal.mail.tasks.deliver_email", email.pk)
    email.refresh_from_db()
    return email
