"""Who may do what in membership (checked on every route and in querysets)."""

from portal.accounts.roles import Role, has_role


def can_review_applications(user):
    return user.is_authenticated and user.has_perm("membership.view_membershipapplication")


def can_decide_applications(user):
    return user.is_authenticated and user.has_perm("membership.decide_membershipapplication")


def can_approve_account_requests(user):
    return user.is_authenticated and user.has_perm("membership.approve_accountrequest")


def is_organisation_referent(user):
    """The referent of an accepted organisation (self-service: access requests, HR contact)."""
    return (
        user.is_authenticated
        and bool(user.organisation_id)
        and has_role(user, Role.ORGANISATION_REFERENT)
        and user.organisation.is_accepted
    )
