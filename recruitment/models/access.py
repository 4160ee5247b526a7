"""Accesses to a dossier by someone outside its organisation (data protection): who, what, when, from where."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .dossiers import Candidate

__all__ = ["AccessAction", "DossierAccess"]


class AccessAction(models.TextChoices):
    VIEW = "view", "Consultation du dossier"
    HISTORY = "history", "Consultation de l'historique"
    DOCUMENT = "document", "Téléchargement d'un document"
    EXPORT = "export", "Export des données (droit d'accès)"


class DossierAccess(models.Model):
    """One access to a dossier by a user of another organisation (written by `recruitment.access`)."""

    at = models.DateTimeField("date et heure", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="personne",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    user_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme de la personne",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    candidate = models.ForeignKey(
        Candidate, verbose_name="dossier", on_delete=models.SET_NULL, null=True, related_name="outside_accesses"
    )
    candidate_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme du dossier",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField("action", max_length=20, choices=AccessAction.choices)
    path = models.CharField("page", max_length=255, blank=True)
    address = models.GenericIPAddressField("adresse IP", null=True, blank=True)

    # One insert per access: no reference indexing (Wagtail would otherwise index every row on save).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "accès à un dossier"
        verbose_name_plural = "accès aux dossiers"
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["candidate", "-at"], name="recruitment_access_dossier"),
            models.Index(fields=["user", "-at"], name="recruitment_access_user"),
        ]

    def __str__(self):
        when = timezone.localtime(self.at)
        return f"{self.get_action_display()} du dossier n° {self.candidate_id} le {when:%d/%m/%Y %H:%M}"
