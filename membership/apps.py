from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = "Adhésions"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        schedules.register(
            "Relance des demandes d'adhésion en attente", "membership.tasks.remind_overdue_applications", Schedule.DAILY
        )
        schedules.register(
            "Suppression des demandes d'adhésion abandonnées",
            "membership.tasks.purge_abandoned_drafts",
            Schedule.DAILY,
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self, dispatch_uid="membership_schedules")
