from django.apps import AppConfig


class LegacyConfig(AppConfig):
    name = "legacy"
    label = "legacy"
    verbose_name = "Reprise des données de l'ancien portail"
    default_auto_field = "django.db.models.BigAutoField"
