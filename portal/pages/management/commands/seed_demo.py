"""Fill a development or demo site with fictitious data (idempotent).

The data comes from the `DEMO_STEPS` of every app's `demo.py` (see portal.registry), run in
their order, each in its own transaction. Progress (a line per step, per 100 dossiers) goes to stdout
at verbosity 1 and more; `-v 0` is silent, and Wagtail's page log lines only show from `-v 2` on.
"""

import logging
import time
from contextlib import contextmanager
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import registry


def reference_missing():
    """True when a reference list is still empty (a fresh database)."""
    return any(not item.model.objects.exists() for item in registry.reference_lists())


class Command(BaseCommand):
    help = "Crée des données de démonstration fictives (pages, organismes, utilisateurs, contenus des applications)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--candidates", type=int, default=0, help="Nombre de dossiers de candidats fictifs à créer (défaut : 0)."
        )
        parser.add_argument("--force", action="store_true", help="Autorise l'exécution lorsque DEBUG est désactivé.")
        for export in registry.demo_exports():  # e.g. --export-legacy <folder>: sample files, nothing seeded
            parser.add_argument(f"--{export.option}", metavar="DOSSIER", help=export.help)

    def handle(self, *args, candidates=0, force=False, **options):
        exports = [(e, options.get(e.option.replace("-", "_"))) for e in registry.demo_exports()]
        if any(folder for _export, folder in exports):
            for export, folder in exports:
                if folder:
                    export.export(folder, self.stdout)
            return
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refus : DEBUG est désactivé, ce site ressemble à une production. "
                "Relancez avec --force si vous voulez vraiment y créer des données de démonstration."
            )
        if candidates < 0:
            raise CommandError("Le nombre de candidats doit être positif ou nul.")
        verbosity = options.get("verbosity", 1)
        out = self.stdout if verbosity >= 1 else StringIO()
        started = time.monotonic()
        with quiet_page_log(verbosity < 2):
            if reference_missing():
                call_command("load_reference", verbosity=0)
            call_command("setup_roles", verbosity=0, stdout=out)
            for step in registry.demo_steps():
                out.write(f"Démonstration : {step.label}")
                with transaction.atomic():
                    step.seed(out, candidates=candidates)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Données de démonstration à jour ({time.monotonic() - started:.0f} s).")
            )


@contextmanager
def quiet_page_log(quiet):
    """Hide Wagtail's "Page created / edited / published" info lines (hundreds on a demo run)."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if quiet:
        logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)
