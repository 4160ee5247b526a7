"""`manage.py backup ARCHIVE`: the database and every stored file in one tar archive."""

from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et tous les fichiers (médias et fichiers privés) dans une archive tar."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Chemin de l'archive à écrire, par ex. /srv/sauvegardes/nege.tar")

    def handle(self, *args, archive, **options):
        try:
            manifest = create_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = sum(entry["size"] for entry in manifest["files"])
        self.stdout.write(
            f"Sauvegarde écrite : {archive} (base {manifest['engine']}, "
            f"{len(manifest['files'])} fichiers, {size} octets de fichiers)."
        )
