"""The pool (vivier), defined once: dossiers classified Employable or Adaptable, with consent, from their
classification date (and never an anonymised one). The SAR search and the publication read it here."""

from django.utils import timezone

from recruitment.models import Candidate

from .enums import POOL_CLASSES


def pool_candidates(queryset=None, *, on=None):
    """Candidates in the pool on date `on` (today by default). `queryset` narrows a scoped queryset."""
    queryset = Candidate.objects.all() if queryset is None else queryset
    on = on or timezone.localdate()
    # No `classified_on__isnull=False`: `<=` already excludes NULL, and the redundant test would make
    # PostgreSQL count the NULL fraction twice, underestimate the pool and sort instead of using the index.
    # These conditions are those of the partial index `recruitment_cand_pool`: the pool is read from it.
    return queryset.with_consent().filter(
        classification__in=[c.value for c in POOL_CLASSES],
        classified_on__lte=on,
        anonymised_at__isnull=True,
    )
