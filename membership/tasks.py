"""Background tasks of membership (run by django-q2)."""


def remind_overdue_applications():
    """Daily: remind the President of the applications pending for more than fifteen days."""
    from .services import send_overdue_reminders

    return send_overdue_reminders()
