from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AlertsConfig(AppConfig):
    name = "recruitment.alerts"
    label = "alerts"
    verbose_name = "Recherches enregistrées et alertes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        # Hourly: every run refreshes the new matches (the dashboard's counts); the alerts go out
        # from settings.NEGE_POOL_ALERT_HOUR on, at most once per period (recruitment.alerts.rules.alert_due).
        schedules.register(
            "Alertes des recherches enregistrées",
            "recruitment.alerts.notifications.run_scheduled_alerts",
            Schedule.HOURLY,
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self, dispatch_uid="alerts_schedules")
