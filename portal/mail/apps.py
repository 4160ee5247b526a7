from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MailConfig(AppConfig):
    name = "portal.mail"
    label = "mail"
    verbose_name = "Courriels"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        schedules.register(
            "Relance des courriels en échec", "portal.mail.tasks.retry_due_emails", Schedule.MINUTES, minutes=1
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self)
