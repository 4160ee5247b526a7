"""Queries on the candidate dossiers (`Candidate.objects`), and the search column every write path keeps."""

from django.db import models
from django.utils import timezone

from .. import duplicates, rules

SEARCH_NAME_LENGTH = 255


def fill_search_name(candidate):
    """The accent- and case-free name the search reads (`rules.search_text`), set on every path that writes a
    name: `save()`, and the querysets' `bulk_create`/`bulk_update` (imports, demo), which bypass it."""
    candidate.search_name = rules.search_text(candidate.last_name, candidate.first_name)[:SEARCH_NAME_LENGTH]


class CandidateQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for candidate in objs:
            fill_search_name(candidate)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        fields = list(fields)
        if {"last_name", "first_name"} & set(fields):
            objs = list(objs)
            for candidate in objs:
                fill_search_name(candidate)
            fields = [*fields, "search_name"] if "search_name" not in fields else fields
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **kwargs):
        if {"last_name", "first_name"} & set(kwargs) and "search_name" not in kwargs:
            raise TypeError("Un nom modifié par update() doit aussi mettre à jour search_name (rules.search_text).")
        return super().update(**kwargs)

    def name_contains(self, typed):
        """Dossiers whose name contains every typed word, ignoring accents and case ('elise' finds 'Élise');
        a trigram index serves it on PostgreSQL (migration 0009)."""
        queryset = self
        for word in rules.search_words(typed):
            queryset = queryset.filter(search_name__contains=word)
        return queryset

    def with_consent(self):
        """The consent gate on a queryset (the `has_consent` mirror of `rules.has_consent`)."""
        return self.filter(has_consent=True)

    def possible_duplicates(self, identifier_key, identity_key):
        """Dossiers (not anonymised) that may be the person with these keys (`duplicates.match_filter`)."""
        query = duplicates.match_filter(identifier_key, identity_key)
        return self.none() if query is None else self.filter(query, anonymised_at__isnull=True)

    def duplicate_names(self, identifier_key, identity_key, *, exclude_pk=None):
        """Names ("NOM Prénom") of the dossiers that may be this person: names only, never their organisation."""
        candidates = self.possible_duplicates(identifier_key, identity_key)
        if exclude_pk is not None:
            candidates = candidates.exclude(pk=exclude_pk)
        return [f"{last} {first}" for last, first in candidates.values_list("last_name", "first_name")[:20]]

    def inactive(self, now=None):
        """Dossiers to be reviewed (`rules.needs_review`): not updated since the review threshold."""
        return self.filter(updated_at__lte=rules.review_threshold(now or timezone.now()))

    def flagged_for_review(self):
        """Dossiers the daily retention task flagged (`recruitment.retention`), not anonymised yet."""
        return self.filter(review_flagged_on__isnull=False, anonymised_at__isnull=True)
