"""Consent of the candidate (RGPD) and the versions of the conditions of use it is given on."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from portal.storage import private_storage
from portal.uploads import UploadValidator

from ..enums import ConsentMethod
from .dossiers import Candidate

__all__ = ["Consent", "ConsentTerms", "mark_consent"]


class ConsentTerms(models.Model):
    """A version of the conditions of use shown to the candidate: a consent keeps the one it was given on."""

    version = models.CharField("version", max_length=20, unique=True)
    text = models.TextField("texte des conditions d'utilisation")
    published_on = models.DateField("en vigueur depuis", default=timezone.localdate)

    class Meta:
        verbose_name = "conditions d'utilisation des données"
        verbose_name_plural = "conditions d'utilisation des données"
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return f"Version {self.version} du {self.published_on:%d/%m/%Y}"

    @classmethod
    def current(cls):
        return cls.objects.filter(published_on__lte=timezone.localdate()).first()


def _consent_path(instance, filename):
    return f"consentements/{instance.candidate_id}/{filename}"


class Consent(models.Model):
    """The candidate's consent (RGPD): how, when, by whom, and on which version of the conditions."""

    candidate = models.OneToOneField(
        Candidate, verbose_name="dossier", on_delete=models.CASCADE, related_name="consent"
    )
    method = models.CharField("mode de recueil", max_length=20, choices=ConsentMethod.choices)
    file = models.FileField(
        "preuve du consentement",
        upload_to=_consent_path,
        storage=private_storage,
        max_length=255,
        validators=[UploadValidator("scan")],
    )
    terms = models.ForeignKey(
        ConsentTerms, verbose_name="conditions d'utilisation présentées", on_delete=models.PROTECT, related_name="+"
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recueilli par",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    collected_at = models.DateTimeField("recueilli le", default=timezone.now)

    class Meta:
        verbose_name = "consentement"
        verbose_name_plural = "consentements"

    def __str__(self):
        return f"{self.get_method_display()} le {timezone.localtime(self.collected_at):%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        mark_consent([self.candidate_id], True)
        if Consent.candidate.is_cached(self):
            self.candidate.has_consent = True


def mark_consent(candidate_ids, recorded):
    """Keep `Candidate.has_consent` in step (for bulk loads of consents, which bypass save())."""
    Candidate.objects.filter(pk__in=candidate_ids).update(has_consent=recorded)


@receiver(post_delete, sender=Consent)
def _consent_deleted(sender, instance, **kwargs):
    mark_consent([instance.candidate_id], False)
