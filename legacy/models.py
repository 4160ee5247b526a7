"""No data of its own: the import writes through the portal's models. This unmanaged model (no table) only
carries the permission of the import screen, so that it is a codename like every other."""

from django.db import models


class LegacyImport(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("import_legacy_data", "Importer les données de l'ancien portail")]
        verbose_name = "reprise de l'ancien portail"
        verbose_name_plural = "reprises de l'ancien portail"

    def __str__(self):
        return self._meta.verbose_name
