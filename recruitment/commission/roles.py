"""Permissions of the commission screens, per role (collected by `setup_roles`).

Which sessions, analyses and dossiers each one reaches is decided by recruitment.commission.perms.
"""

from portal.accounts.roles import Role


def _perms(model, *actions):
    return [f"commission.{action}_{model}" for action in actions]


ALL = ("add", "change", "delete", "view")
# The commission's own codenames (Meta.permissions of its models), checked by perms.py.
PILOT = "commission.pilot_session"
FILL_ANALYSIS = "commission.fill_analysis"
VIEW_OPINION = "commission.view_commission_opinion"
VIEW_STATISTICS = "commission.view_commission_statistics"
TAKE_OVER = "commission.take_over_proposal"

# Sessions, analyses, opinions and training plans name the candidates (the statistics do not):
# a second factor at login (portal.accounts.rules).
PERSONAL_DATA_PERMISSIONS = [
    "commission.view_session",
    "commission.view_analysis",
    "commission.view_trainingplan",
    VIEW_OPINION,
]

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: _perms("session", *ALL)
    + _perms("analysis", *ALL)
    + _perms("trainingplan", *ALL)
    + [PILOT, VIEW_OPINION, VIEW_STATISTICS, TAKE_OVER],
    Role.SESSION_PILOT: _perms("session", *ALL)
    + _perms("analysis", *ALL)
    + _perms("trainingplan", "view")
    + [PILOT, VIEW_OPINION, VIEW_STATISTICS, TAKE_OVER],
    Role.ADVISORY_RECRUITER: _perms("session", "view")
    + _perms("analysis", "change", "view")
    + [FILL_ANALYSIS, VIEW_OPINION],
    Role.TRAINING_COMMISSION: _perms("trainingplan", *ALL) + _perms("analysis", "view") + [VIEW_OPINION, TAKE_OVER],
    Role.EMPLOYMENT_ADVISER: _perms("trainingplan", "view") + [VIEW_OPINION],
    Role.PRESIDENT: [VIEW_STATISTICS],
}
