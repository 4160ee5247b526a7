"""Hand work to the django-q2 worker, or run it inline when NEGE_TASKS_SYNC is on."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django_q.tasks import async_task

logger = logging.getLogger(__name__)


def run_async(func_path, *args, **kwargs):
    """Run `func_path(*args, **kwargs)` in the worker after the current transaction commits.

    With NEGE_TASKS_SYNC (tests, simplest setups) it runs now, in the caller's transaction.

    The hand-over happens after the commit: whatever the broker does then (Redis down, database
    broker failing) is logged, never raised, so a request whose data was committed never answers
    500 for it. Work handed over this way must be recoverable by a scheduled sweep (e-mails are:
    `portal.mail.tasks.retry_due_emails`).
    """
    if settings.NEGE_TASKS_SYNC:
        return import_string(func_path)(*args, **kwargs)
    transaction.on_commit(lambda: hand_over(func_path, *args, **kwargs))
    return None


def hand_over(func_path, *args, **kwargs):
    """Enqueue one task; False (and an error in the log) when the broker refuses it."""
    try:
        async_task(func_path, *args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any broker failure: the sweep picks the work up
        logger.error("Task %s not handed to the broker (%s: %s)", func_path, type(exc).__name__, exc)
        return False
    return True
