"""Recurring background tasks, declared by each app and created after `migrate`.

An app declares its schedules in `AppConfig.ready()` with `register(...)`; the post-migrate
handler creates or updates the django-q2 `Schedule` rows, so a fresh database always has them.
"""

from django.utils import timezone
from django_q.models import Schedule

_REGISTRY = {}


def register(name, func, schedule_type, minutes=None, cron=None):
    _REGISTRY[name] = {"func": func, "schedule_type": schedule_type, "minutes": minutes, "cron": cron}


def ensure_schedules(**kwargs):
    for name, spec in _REGISTRY.items():
        schedule, created = Schedule.objects.get_or_create(
            name=name, defaults={**spec, "next_run": timezone.now(), "repeats": -1}
        )
        if not created and any(getattr(schedule, key) != value for key, value in spec.items()):
            for key, value in spec.items():
                setattr(schedule, key, value)
            schedule.save()
