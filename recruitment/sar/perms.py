"""Who sees what in the recruitment support module (enforced in every queryset and route).

A company recruiter sees the sheets of their company (all its recruiters share the portfolio),
the pool, and the dossiers of the pool or of their portfolio — never another company's sheets.
"""

from portal.accounts.roles import Role, has_role
from recruitment.enums import Classification

POOL_CLASSIFICATIONS = (Classification.EMPLOYABLE, Classification.ADAPTABLE)


def is_recruiter(user):
    return user.is_authenticated and has_role(user, Role.COMPANY_RECRUITER) and bool(user.organisation_id)


def is_administrator(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


def sees_all_training_needs(user):
    return user.is_authenticated and (is_administrator(user) or has_role(user, Role.TRAINING_COMMISSION))


def sheets_for(user):
    """The company's portfolio for a recruiter; everything for an administrator; else nothing."""
    from .models import FollowUpSheet

    queryset = FollowUpSheet.objects.all()
    if is_recruiter(user) and not user.is_superuser:
        return queryset.filter(company_id=user.organisation_id)
    if is_administrator(user):
        return queryset
    return queryset.none()


def pool():
    """Candidates in the pool: classified Employable or Adaptable, with consent, from their classification date."""
    from recruitment.commission.pool import pool_candidates

    return pool_candidates()


def pool_for(user):
    """The pool as this recruiter may search it: without the candidates already in the portfolio."""
    from django.db.models import Exists, OuterRef

    from .models import FollowUpSheet

    if not is_recruiter(user):
        return pool().none()
    # NOT EXISTS (an anti-join PostgreSQL estimates well) rather than NOT IN (a filter it guesses at 50 %).
    in_portfolio = FollowUpSheet.objects.filter(company_id=user.organisation_id, candidate_id=OuterRef("pk"))
    return pool().exclude(Exists(in_portfolio))


def candidates_for(user):
    """Dossiers a recruiter may study: the pool and the candidates of the company's portfolio."""
    from django.db.models import Q

    from recruitment.models import Candidate

    if not is_recruiter(user):
        return Candidate.objects.none()
    portfolio = sheets_for(user).values("candidate_id")
    pool_ids = pool().values("pk")
    return Candidate.objects.filter(Q(pk__in=pool_ids) | Q(pk__in=portfolio), anonymised_at__isnull=True)


def training_needs_for(user):
    from .models import TrainingNeed

    queryset = TrainingNeed.objects.all()
    if sees_all_training_needs(user):
        return queryset
    if is_recruiter(user):
        return queryset.filter(company_id=user.organisation_id)
    return queryset.none()


def proposed_trainees_for(user):
    """Dossiers proposed by the user's company that it still owns (not yet taken by the commission)."""
    from .models import ProposedTrainee

    queryset = ProposedTrainee.objects.select_related("candidate")
    if is_recruiter(user):
        return queryset.filter(company_id=user.organisation_id, taken_over_at__isnull=True)
    if sees_all_training_needs(user):
        return queryset
    return queryset.none()
