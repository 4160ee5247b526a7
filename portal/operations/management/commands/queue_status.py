"""`manage.py queue_status`: e-mails by state, the task backlog, failures of the last 24 hours, schedules."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.operations.queue_status import queue_status


def _when(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else "—"


class Command(BaseCommand):
    help = "Affiche l'état des files d'attente : courriels par état, tâches en attente et en échec, planification."

    def handle(self, *args, **options):
        status = queue_status()
        self.stdout.write("Courriels :")
        for label, count in status["emails"].items():
            self.stdout.write(f"  {label} : {count}")
        self.stdout.write(f"  Plus ancien courriel en attente : {_when(status['oldest_waiting_email'])}")
        self.stdout.write(f"Tâches en file d'attente : {status['tasks_queued']}")
        self.stdout.write(f"Tâches en échec (24 h) : {status['tasks_failed_24h']}")
        self.stdout.write("Tâches planifiées (prochaine exécution) :")
        for name, next_run in status["schedules"]:
            self.stdout.write(f"  {name} : {_when(next_run)}")
