"""The group that holds each role, found by the role's stable key (`RoleGroup`), never by the group's name."""

from django.contrib.auth.models import Group

from .models import RoleGroup


def groups_of(*roles):
    """The groups holding `roles` (a renamed group is still found)."""
    return Group.objects.filter(role_key__role__in=[str(role) for role in roles])


def ensure_group(role):
    """The group of `role`, created (named after the role) on first use; an existing group of that name is adopted."""
    link = RoleGroup.objects.select_related("group").filter(role=role).first()
    if link:
        return link.group
    group, _ = Group.objects.get_or_create(name=str(role))
    RoleGroup.objects.create(role=role, group=group)
    return group
