"""Fill a development or demo site with fictitious data (idempotent)."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import demo


def reference_missing():
    """True when a reference list is still empty (a fresh database)."""
    from portal.organisations.models import EmploymentArea, OrganisationCategory
    from recruitment.models import reference

    models = [EmploymentArea, OrganisationCategory] + [getattr(reference, name) for name in reference.__all__]
    return any(not model.objects.exists() for model in models)


def demo_modules():
    """The `<app>.demo` modules of the installed apps that define `seed(stdout, *, candidates=0)`."""
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        if callable(getattr(module, "seed", None)):
            modules.append(module)
    return modules


class Command(BaseCommand):
    help = "Crée des données de démonstration fictives (pages, organismes, utilisateurs, contenus des applications)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--candidates", type=int, default=0, help="Nombre de dossiers de candidats fictifs à créer (défaut : 0)."
        )
        parser.add_argument("--force", action="store_true", help="Autorise l'exécution lorsque DEBUG est désactivé.")

    def handle(self, *args, candidates=0, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refus : DEBUG est désactivé, ce site ressemble à une production. "
                "Relancez avec --force si vous voulez vraiment y créer des données de démonstration."
            )
        if candidates < 0:
            raise CommandError("Le nombre de candidats doit être positif ou nul.")
        if reference_missing():
            call_command("load_reference", verbosity=0)
        call_command("setup_roles", verbosity=0, stdout=self.stdout)
        with transaction.atomic():
            demo.seed_base(self.stdout)
        for module in demo_modules():
            self.stdout.write(f"Démonstration : {module.__name__}")
            with transaction.atomic():
                module.seed(self.stdout, candidates=candidates)
        demo.seed_last(self.stdout)
        self.stdout.write(self.style.SUCCESS("Données de démonstration à jour."))
