"""Permissions of the e-mail log, per role (collected by `setup_roles`).

Reading the log (`mail.view_outgoingemail`) is granted with the administrator's site-wide
permissions (portal/accounts/roles.py, which also lists it among the personal-data permissions); sending an e-mail
again is declared here.
"""

from portal.accounts.roles import Role

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: ["mail.resend_outgoingemail"],
}
