"""Background tasks of membership (run by django-q2)."""

from . import services


def remind_overdue_applications():
    """Daily: remind the President of the applications waiting for more than fifteen days."""
    return services.send_overdue_reminders()


def purge_abandoned_drafts():
    """Daily: drafts whose link has expired, and their never-activated accounts."""
    return services.purge_abandoned_drafts()
