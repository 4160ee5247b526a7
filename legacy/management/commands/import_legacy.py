"""`manage.py import_legacy <folder or files> [--dry-run] [--documents <folder or zip>] [--user <username>]`."""

import zipfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from legacy.columns import ENTITIES
from legacy.documents import DocumentSource
from legacy.services import run_import, table_files
from portal.accounts.models import User


class Command(BaseCommand):
    help = (
        "Importe les organismes, membres et dossiers de candidature exportés de l'ancien portail (CSV ou XLSX, "
        "colonnes aux libellés de l'ancien portail)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Dossier(s) ou fichiers CSV/XLSX à importer.")
        parser.add_argument("--dry-run", action="store_true", help="Simulation : rapport ligne par ligne, rien écrit.")
        parser.add_argument("--documents", help="Dossier ou archive zip des documents des candidats.")
        parser.add_argument(
            "--user", help="Administrateur au nom duquel l'import est fait (défaut : le premier superutilisateur)."
        )

    def handle(self, *args, paths, dry_run=False, documents=None, user=None, **options):
        for path in paths:
            if not Path(path).exists():
                raise CommandError(f"Introuvable : {path}")
        files = table_files(paths)
        if not files:
            raise CommandError("Aucun fichier CSV ou XLSX à importer.")
        importer = self._user(user)
        source = self._documents(documents)
        try:
            report = run_import(files, user=importer, documents=source, dry_run=dry_run)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.text(ENTITIES))

    def _user(self, username):
        users = User.objects.filter(is_active=True)
        found = (
            users.filter(username__iexact=username).first()
            if username
            else users.filter(is_superuser=True).order_by("pk").first()
        )
        if found is None:
            raise CommandError("Aucun administrateur actif pour faire l'import : indiquez --user.")
        return found

    def _documents(self, path):
        if not path:
            return DocumentSource.empty()
        if not Path(path).exists():
            raise CommandError(f"Documents introuvables : {path}")
        try:
            return DocumentSource.from_path(path)
        except (zipfile.BadZipFile, ValueError) as error:
            raise CommandError(f"Archive de documents illisible : {error}") from error
