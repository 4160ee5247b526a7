"""Who may do what in the commission: Django permissions (granted in roles.py) and the scopes they open.

Every check is `user.has_perm("commission.<codename>")`; which objects a user reaches is one of the
`*_for(user)` querysets below, used by every view (an object outside the scope answers 404).
"""

from django.db.models import Q

from recruitment.models import Candidate
from recruitment.perms import dossiers_for
from recruitment.sar.models import ProposedTrainee

from .models import Analysis, Session, TrainingPlan
from .roles import FILL_ANALYSIS, PILOT, TAKE_OVER, VIEW_OPINION, VIEW_STATISTICS


def may_manage_sessions(user):
    """Pilot the sessions: attach dossiers, assign recruiters, run the debriefing, classify, publish."""
    return user.has_perm(PILOT)


def may_fill_analyses(user):
    return user.has_perm(PILOT) or user.has_perm(FILL_ANALYSIS)


def may_see_sessions(user):
    return user.has_perm("commission.view_session")


def sessions_for(user):
    """The sessions this user may open: all (pilots), those they interview in (advisory recruiters), none."""
    if not may_see_sessions(user):
        return Session.objects.none()
    if user.has_perm(PILOT):
        return Session.objects.all()
    if user.has_perm(FILL_ANALYSIS):
        # Subqueries, not joins: no duplicate rows, so the scope combines with any other queryset.
        return Session.objects.filter(Q(pk__in=_sessions_recruited_by(user)) | Q(pk__in=_sessions_analysed_by(user)))
    return Session.objects.none()


def analyses_for(user):
    """Analyses this user may open in the commission screens."""
    if user.has_perm(PILOT):
        return Analysis.objects.all()
    if user.has_perm(FILL_ANALYSIS):
        return Analysis.objects.filter(Q(session__in=_sessions_recruited_by(user)) | Q(recruiter=user))
    return Analysis.objects.none()


def _sessions_recruited_by(user):
    return Session.recruiters.through.objects.filter(user=user).values("session_id")


def _sessions_analysed_by(user):
    return Analysis.objects.filter(recruiter=user).values("session_id")


def may_edit_analysis(user, analysis, *, session_recruiter_ids=None):
    """The pilot, or an advisory recruiter of the session (the analysis' recruiter once one is set).

    `session_recruiter_ids` (the session's recruiters, when the caller has them) saves a query."""
    if user.has_perm(PILOT):
        return True
    if not user.has_perm(FILL_ANALYSIS):
        return False
    if analysis.recruiter_id:
        return analysis.recruiter_id == user.pk
    if session_recruiter_ids is not None:
        return user.pk in session_recruiter_ids
    return analysis.session.recruiters.filter(pk=user.pk).exists()


def may_see_synthesis(user):
    """The commission's opinion page of a dossier: commission, administrators, the dossier's advisers."""
    return user.has_perm(VIEW_OPINION)


def synthesis_dossiers_for(user):
    if not may_see_synthesis(user):
        return Candidate.objects.none()
    return dossiers_for(user)


def audience_for(user):
    """Which synthesis a user gets: the commission's (who reads the analyses), or the adviser's."""
    return "commission" if user.has_perm("commission.view_analysis") else "adviser"


def plans_for(user):
    """The PIADC this user may open: those of the dossiers they see."""
    if not user.has_perm("commission.view_trainingplan"):
        return TrainingPlan.objects.none()
    return TrainingPlan.objects.filter(candidate__in=dossiers_for(user))


def may_see_statistics(user):
    return user.has_perm(VIEW_STATISTICS)


def may_take_over_proposals(user):
    """Trainees proposed by a company outside the pool: pilots, the ADC commission and administrators."""
    return user.has_perm(TAKE_OVER)


def proposals_to_take_over(user):
    """Proposals the commission has not taken over yet (still owned by their company)."""
    if not may_take_over_proposals(user):
        return ProposedTrainee.objects.none()
    return ProposedTrainee.objects.filter(taken_over_at__isnull=True)
