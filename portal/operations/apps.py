from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operator tools: backup and restore of the database and the stored files."""

    name = "portal.operations"
    label = "operations"
    verbose_name = "Exploitation"
