"""Who may import from the old portal: a codename of `roles.py`, checked with has_perm."""

from .roles import IMPORT_LEGACY_DATA


def may_import(user):
    return bool(user and user.is_authenticated and user.has_perm(IMPORT_LEGACY_DATA))
