"""Who may do what in the commission (enforced on the server by every view and queryset)."""

from django.db.models import Q

from portal.accounts.roles import Role, has_role
from recruitment import perms as dossier_perms


def is_admin(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


def is_pilot(user):
    return user.is_authenticated and (is_admin(user) or has_role(user, Role.SESSION_PILOT))


def is_recruiter(user):
    return user.is_authenticated and has_role(user, Role.ADVISORY_RECRUITER)


def is_training_commission(user):
    return user.is_authenticated and (is_admin(user) or has_role(user, Role.TRAINING_COMMISSION))


def is_company_recruiter_only(user):
    """Company recruiters never reach a commission route (unless they also have a commission role)."""
    return has_role(user, Role.COMPANY_RECRUITER) and not (
        is_pilot(user) or is_recruiter(user) or is_training_commission(user) or has_role(user, Role.EMPLOYMENT_ADVISER)
    )


def may_manage_sessions(user):
    """Create and edit sessions, attach dossiers, publish, run the debriefing."""
    return is_pilot(user)


def may_set_classification(user):
    """Only pilots and administrators set the final classification."""
    return is_pilot(user)


def may_see_sessions(user):
    return is_pilot(user) or is_recruiter(user)


def sessions_for(user):
    """The sessions this user may open: all (pilot, administrator), theirs (advisory recruiter), none."""
    from .models import Session

    queryset = Session.objects.all()
    if is_pilot(user):
        return queryset
    if is_recruiter(user):
        return queryset.filter(Q(recruiters=user) | Q(analyses__recruiter=user)).distinct()
    return queryset.none()


def analyses_for(user):
    """Analyses this user may open in the commission screens."""
    from .models import Analysis

    queryset = Analysis.objects.all()
    if is_pilot(user):
        return queryset
    if is_recruiter(user):
        return queryset.filter(Q(session__recruiters=user) | Q(recruiter=user)).distinct()
    return queryset.none()


def may_edit_analysis(user, analysis):
    """The pilot, or an advisory recruiter of the session (the analysis' recruiter once one is set)."""
    if is_pilot(user):
        return True
    if not is_recruiter(user):
        return False
    if analysis.recruiter_id:
        return analysis.recruiter_id == user.pk
    return analysis.session.recruiters.filter(pk=user.pk).exists()


def may_see_synthesis(user):
    """The commission's opinion page of a dossier: commission, administrators, the dossier's advisers."""
    return dossier_perms.may_access_dossiers(user) and not is_company_recruiter_only(user)


def synthesis_dossiers_for(user):
    if not may_see_synthesis(user):
        from recruitment.models import Candidate

        return Candidate.objects.none()
    return dossier_perms.dossiers_for(user)


def audience_for(user):
    """Which synthesis a user gets: the commission's, or the adviser's read-only one."""
    if is_pilot(user) or is_recruiter(user) or is_training_commission(user):
        return "commission"
    return "adviser"


def may_manage_plans(user):
    return is_training_commission(user)


def may_see_statistics(user):
    return is_pilot(user) or has_role(user, Role.PRESIDENT)


def may_take_over_proposals(user):
    """Trainees proposed by a company outside the pool: pilots, the ADC commission and administrators."""
    return (is_pilot(user) or is_training_commission(user)) and not is_company_recruiter_only(user)


def proposals_to_take_over(user):
    """Proposals the commission has not taken over yet (still owned by their company)."""
    from recruitment.sar.models import ProposedTrainee

    if not may_take_over_proposals(user):
        return ProposedTrainee.objects.none()
    return ProposedTrainee.objects.filter(taken_over_at__isnull=True)
