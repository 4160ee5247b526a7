"""Permissions of the membership screens, per role (collected by `setup_roles`)."""

from portal.accounts.roles import Role

# Applications carry the applicant's identity, contacts and documents: a second factor at login
# (portal.accounts.rules).
PERSONAL_DATA_PERMISSIONS = ["membership.view_membershipapplication"]

ROLE_PERMISSIONS = {
    Role.PRESIDENT: [
        "membership.view_membershipapplication",
        "membership.decide_membershipapplication",
        "membership.receive_membershipapplication",
    ],
    Role.ADMINISTRATOR: [
        "membership.view_membershipapplication",
        "membership.decide_membershipapplication",
        "membership.delete_membershipapplication",
        "membership.view_accountrequest",
        "membership.approve_accountrequest",
        "membership.add_feegrid",
        "membership.change_feegrid",
        "membership.delete_feegrid",
        "membership.view_feegrid",
        "membership.change_membershipsettings",
    ],
    # The referent role is the one granting `add_accountrequest` (services.accept_application gives it).
    Role.ORGANISATION_REFERENT: [
        "membership.add_accountrequest",
        "membership.view_accountrequest",
        "membership.designate_hr_contact",
    ],
}
