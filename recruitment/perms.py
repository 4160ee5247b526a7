"""Who may see and change which candidate dossiers (enforced on every route through `dossiers_for`)."""

from portal.accounts.roles import Role, has_role

COMMISSION_ROLES = (Role.SESSION_PILOT, Role.ADVISORY_RECRUITER, Role.TRAINING_COMMISSION)


def sees_all_dossiers(user):
    """Commission members and administrators see every organisation's dossiers."""
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR, *COMMISSION_ROLES))


def is_adviser(user):
    return user.is_authenticated and has_role(user, Role.EMPLOYMENT_ADVISER) and not sees_all_dossiers(user)


def dossiers_for(user):
    """The dossiers this user may open: all, their organisation's, or none."""
    from .models import Candidate

    queryset = Candidate.objects.all()
    if sees_all_dossiers(user):
        return queryset
    if user.is_authenticated and has_role(user, Role.EMPLOYMENT_ADVISER) and user.organisation_id:
        return queryset.filter(organisation_id=user.organisation_id)
    return queryset.none()


def may_access_dossiers(user):
    return sees_all_dossiers(user) or (
        user.is_authenticated and has_role(user, Role.EMPLOYMENT_ADVISER) and bool(user.organisation_id)
    )


def is_outsider(user, candidate):
    """True when the user opens a dossier of another organisation (logged for data protection)."""
    return user.organisation_id != candidate.organisation_id


def may_anonymise(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


def may_export_personal_data(user, candidate):
    """Right of access: administrators and the dossier's organisation."""
    return may_anonymise(user) or (
        has_role(user, Role.EMPLOYMENT_ADVISER) and user.organisation_id == candidate.organisation_id
    )


def may_set_any_status(user):
    """Only the commission and administrators set the commission's statuses."""
    return sees_all_dossiers(user)
