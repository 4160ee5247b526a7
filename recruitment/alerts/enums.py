"""Choices of the saved pool searches and their alerts."""

from django.db import models


class AlertFrequency(models.TextChoices):
    NONE = "none", "Aucune"
    DAILY = "daily", "Quotidienne"
    WEEKLY = "weekly", "Hebdomadaire"


# Pool search parameters that are not criteria (page, page size, sort): never saved.
NON_CRITERIA = ("p", "per_page", "sort")
# An alert lists at most this many candidates; the rest are counted, with the link to the search.
MAX_LISTED_CANDIDATES = 50
# Skills shown per candidate in an alert (the strongest first).
MAX_LISTED_SKILLS = 6
