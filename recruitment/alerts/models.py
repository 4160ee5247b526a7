"""Saved pool searches ("Mes recherches") and the candidates each one has already matched."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from recruitment.models import Candidate

from .enums import AlertFrequency


class SavedSearch(models.Model):
    """A recruiter's pool criteria under a name, with an alert frequency; theirs, or shared with their company."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créée par", on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField("nom de la recherche", max_length=120)
    # {filter name of recruitment.sar.filters.PoolFilterSet: [values as typed in the pool's URL]}
    query = models.JSONField("critères", default=dict, blank=True)
    frequency = models.CharField(
        "alerte par courriel",
        max_length=10,
        choices=AlertFrequency.choices,
        default=AlertFrequency.WEEKLY,
        help_text="Recevoir par courriel les nouveaux candidats du vivier qui correspondent à ces critères.",
    )
    shared = models.BooleanField(
        "partagée avec mon entreprise",
        default=False,
        help_text="Les autres chargés de recrutement de votre entreprise pourront ouvrir cette recherche "
        "(sans la modifier ni recevoir ses alertes).",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)
    last_alert_at = models.DateTimeField("dernière alerte", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "recherche enregistrée"
        verbose_name_plural = "recherches enregistrées"
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["owner", "name"], name="alerts_search_owner")]

    def __str__(self):
        return self.name


class SearchMatch(models.Model):
    """A candidate a saved search matched: `known` once its owner was told (alert, opening the search, or
    already listed when the search was saved). Refreshed by the worker; the dashboard counts the unknown."""

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    found_at = models.DateTimeField(default=timezone.now)
    known = models.BooleanField(default=False)
    notified_at = models.DateTimeField(null=True, blank=True)

    # Bulk inserts: no reference indexing.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "candidat trouvé"
        verbose_name_plural = "candidats trouvés"
        constraints = [models.UniqueConstraint(fields=["search", "candidate"], name="alerts_match_unique")]
        indexes = [models.Index(fields=["search", "known"], name="alerts_match_known")]

    def __str__(self):
        return f"{self.search} : candidat n° {self.candidate_id}"
