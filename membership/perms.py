"""Who sees and does what in membership: Django permissions (granted in roles.py) and scopes."""

from django.contrib.auth.models import Group

from portal.accounts.models import User

from .models import AccountRequest

DECIDE = "membership.decide_membershipapplication"
RECEIVE_APPLICATIONS = "membership.receive_membershipapplication"
APPROVE_ACCOUNTS = "membership.approve_accountrequest"
REQUEST_ACCOUNTS = "membership.add_accountrequest"
DESIGNATE_HR_CONTACT = "membership.designate_hr_contact"


def can_decide_applications(user):
    return user.is_authenticated and user.has_perm(DECIDE)


def can_approve_account_requests(user):
    return user.is_authenticated and user.has_perm(APPROVE_ACCOUNTS)


def _of_accepted_organisation(user):
    return bool(user.organisation_id) and user.organisation.is_accepted


def can_request_accounts(user):
    """The referent of an accepted organisation asks for colleagues' accounts."""
    return user.is_authenticated and user.has_perm(REQUEST_ACCOUNTS) and _of_accepted_organisation(user)


def can_designate_hr_contact(user):
    return user.is_authenticated and user.has_perm(DESIGNATE_HR_CONTACT) and _of_accepted_organisation(user)


def account_requests_for(user):
    """Approvers see every request; anyone else only their organisation's."""
    requests = AccountRequest.objects.all()
    if can_approve_account_requests(user):
        return requests
    if not user.is_authenticated or not user.organisation_id:
        return requests.none()
    return requests.filter(organisation_id=user.organisation_id)


def users_with_perm(perm):
    """Active users granted `perm` through their groups or directly (superusers only if granted)."""
    return User.objects.with_perm(perm, include_superusers=False).filter(is_active=True).exclude(email="")


def referent_groups():
    """The groups that make someone an organisation's referent, by what they grant, not by their name."""
    app_label, codename = REQUEST_ACCOUNTS.split(".")
    return Group.objects.filter(permissions__content_type__app_label=app_label, permissions__codename=codename)
