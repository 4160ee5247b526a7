from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RecruitmentConfig(AppConfig):
    name = "recruitment"
    verbose_name = "Recrutement"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        schedules.register(
            "Dossiers sans activité depuis 24 mois (RGPD)",
            "recruitment.retention.flag_inactive_dossiers",
            Schedule.DAILY,
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self, dispatch_uid="recruitment_schedules")
