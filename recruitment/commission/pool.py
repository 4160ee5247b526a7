"""The pool (vivier): dossiers classified Employable or Adaptable, with consent, from their classification date."""

from django.utils import timezone

from .enums import POOL_CLASSES


def pool_candidates(queryset=None, *, on=None):
    """Candidates in the pool on date `on` (today by default). `queryset` narrows a scoped queryset."""
    from recruitment.models import Candidate

    queryset = Candidate.objects.all() if queryset is None else queryset
    on = on or timezone.localdate()
    # No `classified_on__isnull=False`: `<=` already excludes NULL, and the redundant test would make
    # PostgreSQL count the NULL fraction twice, underestimate the pool and sort instead of using the index.
    # These conditions are those of the partial index `recruitment_cand_pool`: the pool is read from it.
    return queryset.filter(
        has_consent=True,
        classification__in=[c.value for c in POOL_CLASSES],
        classified_on__lte=on,
        anonymised_at__isnull=True,
    )


in_pool = pool_candidates


def is_in_pool(candidate, *, on=None):
    return pool_candidates(on=on).filter(pk=candidate.pk).exists()
