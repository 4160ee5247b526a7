from django.apps import AppConfig
from django.db.backends.signals import connection_created


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from .facets import connect_invalidation
        from .search import register_sqlite_functions

        connect_invalidation()
        connection_created.connect(register_sqlite_functions, dispatch_uid="directory-sqlite-unaccent")
