"""Permissions of the recruitment support screens (collected by `setup_roles`); scoping is in perms.py."""

from portal.accounts.roles import Role

ROLE_PERMISSIONS = {
    Role.COMPANY_RECRUITER: [
        "sar.change_followupsheet",
        "sar.view_followupsheet",
        "sar.add_trainingneed",
        "sar.change_trainingneed",
        "sar.view_trainingneed",
        "sar.add_proposedtrainee",
        "sar.change_proposedtrainee",
        "sar.view_proposedtrainee",
    ],
    Role.TRAINING_COMMISSION: ["sar.view_trainingneed", "sar.change_trainingneed", "sar.view_proposedtrainee"],
    Role.ADMINISTRATOR: [
        f"sar.{action}_{model}"
        for model in ("followupsheet", "trainingneed", "proposedtrainee")
        for action in ("view", "change", "delete")
    ],
}
