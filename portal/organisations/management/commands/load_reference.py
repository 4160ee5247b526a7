"""Load or update the reference lists of every app (idempotent).

Each app seeds its own lists (`load_reference()` of its `reference_lists.py`, see portal.registry).
Entries with a stable code are matched by it (their label follows the data); the others are
matched by name (and parent), so running the command twice never duplicates anything.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal import registry


class Command(BaseCommand):
    help = "Charge ou met à jour les listes de référence."

    @transaction.atomic
    def handle(self, *args, **options):
        for load in registry.reference_loaders():
            load()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Listes de référence à jour."))
