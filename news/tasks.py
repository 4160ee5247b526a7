"""Worker side of the news digest."""

from portal.mail.tasks import deliver_email


def deliver_digest_emails(email_ids):
    """Deliver a batch of queued digests (each one is retried by the mail queue if it fails)."""
    for email_id in email_ids:
        deliver_email(email_id)
