"""Who may see and do what on the candidate dossiers: Django permissions (granted in `roles.py`), and
the organisation scope of the dossiers (`dossiers_for`, enforced on every route)."""

from .models.dossiers import Candidate

VIEW_ALL = "recruitment.view_all_candidates"
VIEW = "recruitment.view_candidate"
SET_COMMISSION_STATUS = "recruitment.set_commission_status"
ANONYMISE = "recruitment.anonymise_candidate"
EXPORT_PERSONAL_DATA = "recruitment.export_candidate_data"


def sees_all_dossiers(user):
    """Commission members and administrators see every organisation's dossiers."""
    return user.is_authenticated and user.has_perm(VIEW_ALL)


def _sees_own_organisation(user):
    return user.is_authenticated and bool(user.organisation_id) and user.has_perm(VIEW)


def dossiers_for(user):
    """The dossiers this user may open: all, their organisation's, or none."""
    queryset = Candidate.objects.all()
    if sees_all_dossiers(user):
        return queryset
    if _sees_own_organisation(user):
        return queryset.filter(organisation_id=user.organisation_id)
    return queryset.none()


def may_open(user, candidate):
    """The predicate of `dossiers_for` for one dossier already loaded."""
    return sees_all_dossiers(user) or (
        _sees_own_organisation(user) and candidate.organisation_id == user.organisation_id
    )


def may_create_dossiers(user):
    return user.has_perm("recruitment.add_candidate")


def may_access_dossiers(user):
    return sees_all_dossiers(user) or _sees_own_organisation(user)


def is_outsider(user, candidate):
    """True when the user opens a dossier of another organisation (logged for data protection)."""
    return user.organisation_id != candidate.organisation_id


def may_anonymise(user):
    return user.is_authenticated and user.has_perm(ANONYMISE)


def may_export_personal_data(user, candidate):
    """Right of access: whoever holds the permission, on a dossier they may open."""
    return user.is_authenticated and user.has_perm(EXPORT_PERSONAL_DATA) and may_open(user, candidate)


def may_set_any_status(user):
    """Only the commission and administrators set the commission's statuses."""
    return user.is_authenticated and user.has_perm(SET_COMMISSION_STATUS)
