"""What is waiting or failing in the background: e-mails by state, the task queue, failed and scheduled tasks."""

from datetime import timedelta

from django.db.models import Count, Min
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.models import Failure, Schedule

from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail

WAITING = [EmailState.QUEUED, EmailState.SENDING, EmailState.RETRYING]


def queue_status(now=None):
    """A plain dict, for the command (and any screen): counts only, never an address or a subject."""
    now = now or timezone.now()
    by_state = dict(OutgoingEmail.objects.order_by().values_list("state").annotate(n=Count("pk")))
    oldest_waiting = OutgoingEmail.objects.filter(state__in=WAITING).aggregate(oldest=Min("created_at"))["oldest"]
    return {
        "emails": {state.label: by_state.get(state.value, 0) for state in EmailState},
        "oldest_waiting_email": oldest_waiting,
        "tasks_queued": get_broker().queue_size(),
        "tasks_failed_24h": Failure.objects.filter(stopped__gte=now - timedelta(hours=24)).count(),
        "schedules": list(Schedule.objects.order_by("next_run").values_list("name", "next_run")),
    }
