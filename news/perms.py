"""Who may read what in the news capability."""

from portal.accounts.roles import EXTRANET_ACCESS


def may_read_internal(user):
    """Extranet-only news ("actualités internes") are for active users with extranet access."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(EXTRANET_ACCESS))
