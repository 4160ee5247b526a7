"""Permissions of the commission screens, per role (collected by `setup_roles`).

Which sessions, analyses and dossiers each one reaches is decided by recruitment.commission.perms.
"""

from portal.accounts.roles import Role


def _perms(model, *actions):
    return [f"commission.{action}_{model}" for action in actions]


ALL = ("add", "change", "delete", "view")

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: _perms("session", *ALL) + _perms("analysis", *ALL) + _perms("trainingplan", *ALL),
    Role.SESSION_PILOT: _perms("session", *ALL) + _perms("analysis", *ALL) + _perms("trainingplan", "view"),
    Role.ADVISORY_RECRUITER: _perms("session", "view") + _perms("analysis", "change", "view"),
    Role.TRAINING_COMMISSION: _perms("trainingplan", *ALL) + _perms("analysis", "view"),
    Role.EMPLOYMENT_ADVISER: _perms("trainingplan", "view"),
}
