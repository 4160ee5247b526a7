from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SarConfig(AppConfig):
    name = "recruitment.sar"
    label = "sar"
    verbose_name = "Soutien aux actions de recrutement"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        schedules.register(
            "Rappel des fiches SAR à échéance", "recruitment.sar.notifications.send_due_reminders", Schedule.DAILY
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self, dispatch_uid="sar_schedules")
