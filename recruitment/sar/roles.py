"""Permissions of the recruitment support screens, per role (collected by `setup_roles`).

Which sheets, needs and dossiers each one reaches is decided by recruitment.sar.perms.
"""

from portal.accounts.roles import Role

from . import perms

# The pool, the follow-up sheets and the proposed trainees show candidates: a second factor at login
# (portal.accounts.rules).
PERSONAL_DATA_PERMISSIONS = [perms.SEARCH_POOL, perms.VIEW_SHEETS, perms.VIEW_ALL_SHEETS, perms.PROPOSE_TRAINEES]

ROLE_PERMISSIONS = {
    Role.COMPANY_RECRUITER: [
        perms.SEARCH_POOL,
        perms.VIEW_SHEETS,
        "sar.change_followupsheet",
        perms.SUBMIT_TRAINING_NEEDS,
        perms.VIEW_TRAINING_NEEDS,
        "sar.change_trainingneed",
        perms.PROPOSE_TRAINEES,
        perms.COMPLETE_TRAINEES,
    ],
    Role.TRAINING_COMMISSION: [
        perms.VIEW_TRAINING_NEEDS,
        perms.VIEW_ALL_TRAINING_NEEDS,
        "sar.change_trainingneed",
        perms.PROCESS_TRAINING_NEEDS,
        perms.RECEIVE_TRAINING_NEEDS,
    ],
    Role.ADMINISTRATOR: [
        perms.VIEW_SHEETS,
        perms.VIEW_ALL_SHEETS,
        "sar.change_followupsheet",
        "sar.delete_followupsheet",
        perms.VIEW_TRAINING_NEEDS,
        perms.VIEW_ALL_TRAINING_NEEDS,
        "sar.change_trainingneed",
        "sar.delete_trainingneed",
        perms.PROCESS_TRAINING_NEEDS,
    ],
}
