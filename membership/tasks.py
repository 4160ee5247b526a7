"""Background tasks of membership (run by django-q2)."""


def remind_overdue_applications():
    """Daily: remind the President of the applications pending for more than fifteen days."""
    from .services import send_overdue_reminders

    return send_overdue_reminders()


def purge_abandoned_drafts():
    """Daily: drafts whose link has expired, and their never-activated accounts."""
    from .services import purge_abandoned_drafts as purge

    return purge()
