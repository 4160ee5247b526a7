"""Who may read what in the news capability.

Extranet-only news ("actualités internes") are for active users holding the extranet access
permission; everything else is public. This module imports no model of the app, so that the
page models themselves can apply it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from portal.accounts.roles import EXTRANET_ACCESS

READ_INTERNAL_NEWS = EXTRANET_ACCESS


def may_read_internal(user):
    """May `user` read extranet-only news?"""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(READ_INTERNAL_NEWS))


def news_for(user):
    """Filter (on NewsPage) of the items `user` may read, whatever their publication state."""
    return Q() if may_read_internal(user) else Q(extranet_only=False)


def internal_readers(user_ids):
    """`may_read_internal` for a batch of users in one query: the ids of those who may."""
    app_label, codename = READ_INTERNAL_NEWS.split(".")
    holds = Q(groups__permissions__content_type__app_label=app_label, groups__permissions__codename=codename) | Q(
        user_permissions__content_type__app_label=app_label, user_permissions__codename=codename
    )
    return set(
        get_user_model()
        .objects.filter(Q(is_superuser=True) | holds, pk__in=user_ids, is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )
