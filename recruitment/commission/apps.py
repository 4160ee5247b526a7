from django.apps import AppConfig


class CommissionConfig(AppConfig):
    name = "recruitment.commission"
    label = "commission"
    verbose_name = "Commission"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import profiles  # noqa: F401  (signal receivers)
