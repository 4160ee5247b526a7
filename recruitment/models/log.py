"""History of a dossier (changes, accesses, exports), readable only by whoever may open the dossier."""

from django.db import models
from django.db.models.functions import Cast
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from .. import perms

__all__ = ["DossierLogEntry"]


class DossierLogEntryManager(BaseLogEntryManager):
    """Dossier history, visible only to whoever may open the dossier (also in Wagtail's site history)."""

    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        if perms.sees_all_dossiers(user):
            return self.all()
        visible = perms.dossiers_for(user).annotate(pk_text=Cast("pk", models.CharField())).values("pk_text")
        return self.filter(object_id__in=visible)


class DossierLogEntry(BaseLogEntry):
    """A change, an access or an export of a dossier (who, when, what)."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = DossierLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "historique d'un dossier"
        verbose_name_plural = "historiques des dossiers"
