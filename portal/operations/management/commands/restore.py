"""`manage.py restore ARCHIVE`: bring a backup back into a fresh database and empty storages."""

from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restaure une sauvegarde (base de données et fichiers) dans une base neuve."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Archive écrite par « manage.py backup »")
        parser.add_argument(
            "--force", action="store_true", help="Écrase une base qui contient déjà des tables (à éviter)."
        )

    def handle(self, *args, archive, force, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Sauvegarde du {manifest['created_at']} restaurée : base {manifest['engine']}, "
            f"{len(manifest['files'])} fichiers vérifiés."
        )
