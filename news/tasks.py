"""Worker side of the news digest."""

from django.core.management import call_command

from portal.mail.tasks import deliver_email


def deliver_digest_emails(email_ids):
    """Deliver a batch of queued digests (each one is retried by the mail queue if it fails)."""
    for email_id in email_ids:
        deliver_email(email_id)


def publish_scheduled():
    """Every minute: publish the pages and news whose scheduled time has come (Wagtail's command)."""
    call_command("publish_scheduled", verbosity=0)
