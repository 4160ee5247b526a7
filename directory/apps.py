from django.apps import AppConfig
from django.db.backends.signals import connection_created


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from .search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="directory-sqlite-unaccent")
