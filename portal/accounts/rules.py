"""Rules of the staff login: who needs a second factor, which step a login still owes, when a session is idle.

Pure functions: the middleware (two_factor.py, idle.py) and the screens call them, tests check them alone.
"""

from functools import cache

from .roles import collect_personal_data_permissions

REQUIRED, OFFERED = "required", "offered"
ENROL, VERIFY = "enrol", "verify"
# Last activity is written in the session at most this often (seconds): not on every request.
ACTIVITY_WRITE_INTERVAL = 60


@cache
def personal_data_permissions():
    """The codenames of every app's `roles.PERSONAL_DATA_PERMISSIONS` (see portal.registry)."""
    return tuple(collect_personal_data_permissions())


def requires_second_factor(user):
    """True when the user's permissions let them read personal data (candidates' dossiers, the pool,
    sheets, commission files, membership applications) or manage users; False for the editors of
    the site content. Roles are never named: permissions decide, so a renamed group keeps its rule."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(permission) for permission in personal_data_permissions())


def second_factor_step(*, policy, required_for_user, has_device, verified):
    """What a logged-in user must still do before the extranet opens: ENROL, VERIFY or None.

    A user who enrolled a device proves it at each login whatever the policy (they chose to);
    under the REQUIRED policy, a user who reads personal data must enrol first."""
    if verified:
        return None
    if has_device:
        return VERIFY
    if policy == REQUIRED and required_for_user:
        return ENROL
    return None


def session_is_idle(last_activity, now, idle_minutes):
    """True when more than `idle_minutes` passed since the last recorded activity (timestamps in seconds).
    A session without a recorded activity is not idle: it starts counting now."""
    if last_activity is None:
        return False
    return now - last_activity > idle_minutes * 60


def activity_needs_writing(last_activity, now):
    """Write the last activity only when the recorded one is older than ACTIVITY_WRITE_INTERVAL."""
    return last_activity is None or now - last_activity >= ACTIVITY_WRITE_INTERVAL
