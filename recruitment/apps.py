from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class RecruitmentConfig(AppConfig):
    name = "recruitment"
    verbose_name = "Recrutement"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        from . import choices

        schedules.register(
            "Dossiers sans activité depuis 24 mois (RGPD)",
            "recruitment.retention.flag_inactive_dossiers",
            Schedule.DAILY,
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self, dispatch_uid="recruitment_schedules")
        # The reference lists of the dossier screens are cached until one of them is edited (recruitment.choices).
        post_save.connect(choices.forget, dispatch_uid="recruitment_choices_saved")
        post_delete.connect(choices.forget, dispatch_uid="recruitment_choices_deleted")
        post_migrate.connect(choices.forget_all, sender=self, dispatch_uid="recruitment_choices_migrated")
