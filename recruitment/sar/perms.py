"""Who sees and does what in the recruitment support module: Django permissions (granted in roles.py)
and the `*_for(user)` scopes every screen goes through.

A company recruiter sees the sheets of their company (all its recruiters share the portfolio), the
pool, and the dossiers of the pool or of their portfolio — never another company's sheets.
"""

from django.db.models import Exists, OuterRef, Q

from recruitment.commission.pool import pool_candidates
from recruitment.models import Candidate

from .models import FollowUpSheet, ProposedTrainee, TrainingNeed

SEARCH_POOL = "sar.search_pool"
VIEW_SHEETS = "sar.view_followupsheet"
VIEW_ALL_SHEETS = "sar.view_all_followupsheets"
SUBMIT_TRAINING_NEEDS = "sar.add_trainingneed"
VIEW_TRAINING_NEEDS = "sar.view_trainingneed"
VIEW_ALL_TRAINING_NEEDS = "sar.view_all_trainingneeds"
PROCESS_TRAINING_NEEDS = "sar.process_trainingneed"
RECEIVE_TRAINING_NEEDS = "sar.receive_trainingneed"
PROPOSE_TRAINEES = "sar.add_proposedtrainee"
COMPLETE_TRAINEES = "sar.change_proposedtrainee"


def _of_a_company(user, perm):
    """The permission, held by someone attached to an organisation (a company's screens need one)."""
    return user.is_authenticated and bool(user.organisation_id) and user.has_perm(perm)


def may_search_pool(user):
    """Pool search, "Etudier", quick actions and the candidate's documents."""
    return _of_a_company(user, SEARCH_POOL)


def may_submit_training_needs(user):
    return _of_a_company(user, SUBMIT_TRAINING_NEEDS)


def may_process_training_needs(user):
    """Move a need along (its state): the ADC commission."""
    return user.is_authenticated and user.has_perm(PROCESS_TRAINING_NEEDS)


def may_propose_trainees(user):
    return _of_a_company(user, PROPOSE_TRAINEES)


def may_complete_trainees(user):
    return _of_a_company(user, COMPLETE_TRAINEES)


def sheets_for(user):
    """Every sheet for whoever may see all of them; the company's portfolio for its recruiters; else none."""
    if not user.is_authenticated:
        return FollowUpSheet.objects.none()
    if user.has_perm(VIEW_ALL_SHEETS):
        return FollowUpSheet.objects.all()
    if _of_a_company(user, VIEW_SHEETS):
        return FollowUpSheet.objects.filter(company_id=user.organisation_id)
    return FollowUpSheet.objects.none()


def own_sheets(user):
    """The sheets this user created in their company's portfolio (the pool lock, "Mes fiches")."""
    return sheets_for(user).filter(created_by=user)


def pool_for(user):
    """The pool as this recruiter may search it: without the candidates already in the portfolio."""
    if not may_search_pool(user):
        return Candidate.objects.none()
    # NOT EXISTS (an anti-join PostgreSQL estimates well) rather than NOT IN (a filter it guesses at 50 %).
    in_portfolio = FollowUpSheet.objects.filter(company_id=user.organisation_id, candidate_id=OuterRef("pk"))
    return pool_candidates().exclude(Exists(in_portfolio))


def candidates_for(user):
    """Dossiers a recruiter may study: the pool and the candidates of the company's portfolio."""
    if not may_search_pool(user):
        return Candidate.objects.none()
    portfolio = FollowUpSheet.objects.filter(company_id=user.organisation_id).values("candidate_id")
    pool_ids = pool_candidates().values("pk")
    return Candidate.objects.filter(Q(pk__in=pool_ids) | Q(pk__in=portfolio), anonymised_at__isnull=True)


def training_needs_for(user):
    """Every need for the ADC commission (and administrators); the company's needs for its recruiters."""
    if not user.is_authenticated:
        return TrainingNeed.objects.none()
    if user.has_perm(VIEW_ALL_TRAINING_NEEDS):
        return TrainingNeed.objects.all()
    if _of_a_company(user, VIEW_TRAINING_NEEDS):
        return TrainingNeed.objects.filter(company_id=user.organisation_id)
    return TrainingNeed.objects.none()


def proposed_trainees_for(user):
    """Dossiers proposed by the user's company that it still owns (not yet taken over by the commission);
    the commission reaches them through recruitment.commission.perms."""
    if not may_complete_trainees(user):
        return ProposedTrainee.objects.none()
    return ProposedTrainee.objects.filter(company_id=user.organisation_id, taken_over_at__isnull=True)
