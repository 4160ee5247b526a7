from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "portal.organisations"
    label = "organisations"
    verbose_name = "Organismes"
