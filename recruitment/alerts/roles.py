"""Permissions of the saved pool searches, per role (collected by `setup_roles`).

Which searches each one reaches is decided by recruitment.alerts.perms.
"""

from portal.accounts.roles import Role

from . import perms

ROLE_PERMISSIONS = {
    Role.COMPANY_RECRUITER: [perms.VIEW_SEARCHES, perms.ADD_SEARCHES, perms.CHANGE_SEARCHES, perms.DELETE_SEARCHES],
}
