"""Hand work to the django-q2 worker, or run it inline when NEGE_TASKS_SYNC is on."""

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django_q.tasks import async_task


def run_async(func_path, *args, **kwargs):
    """Run `func_path(*args, **kwargs)` in the worker after the current transaction commits.

    With NEGE_TASKS_SYNC (tests, simplest setups) it runs now, in the caller's transaction.
    """
    if settings.NEGE_TASKS_SYNC:
        return import_string(func_path)(*args, **kwargs)
    transaction.on_commit(lambda: async_task(func_path, *args, **kwargs))
    return None
