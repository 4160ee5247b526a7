"""The extranet frame: what every extranet screen computes before its own content, kept light.

Before a screen shows anything, Django and Wagtail ask the database for the user's permissions:
Django's model permissions (the user's and their groups', two queries) and Wagtail's object
permissions on pages, collections and sites (three more, read by the sidebar menu, the dashboard
and the choosers). They change only when an administrator edits a role or a user's roles, so
`CachedPermissionsMiddleware` keeps them per user in the Django cache (shared by every process):

- the snapshot is exactly what Django and Wagtail store on the user object during a request
  (`_perm_cache`, `_page_permission_cache`, ...), computed by their own code on a miss;
- every change of a group, a permission, a user's groups or permissions, a page/collection/site
  permission, a collection or the page tree drops all snapshots (a new version token, renewed again
  when the transaction commits: a snapshot taken in between read the old rows). Wagtail's group
  screen saves its permission panels with `bulk_create` (no signal) after saving the group: the
  token is renewed again when that request ends, so no snapshot taken in between survives;
- a snapshot lives `SNAPSHOT_TIMEOUT` at most, and is rebuilt when the user's `is_active` or
  `is_superuser` differ from the ones it was taken with (the user row itself is read on every request);
- a change that sends no signal (`queryset.update()`, `bulk_create` outside a request, raw SQL on the
  groups, permissions or users' roles) is seen once `SNAPSHOT_TIMEOUT` has passed, or at once after
  `manage.py setup_roles` (it renews the version whatever it changed) or `renew_version()` (README, "Where
  things are").

The menu only hides entries; every view checks the permission again, from the same snapshot.
"""

import functools
import threading
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import signals
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, GroupSitePermission, Page
from wagtail.permission_policies.collections import CollectionPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.signals import post_page_move

from portal.accounts import scope

VERSION_KEY = "nege:frame:permissions-version"
SNAPSHOT_KEY = "nege:frame:permissions:{pk}"
SNAPSHOT_TIMEOUT = 10 * 60  # a safety net: every change above renews the version anyway

# The attributes ModelBackend fills on the user object (django.contrib.auth.backends).
DJANGO_CACHES = ("_user_perm_cache", "_group_perm_cache", "_perm_cache")


@functools.cache
def _wagtail_policies():
    """One policy per cache attribute Wagtail fills on the user (images and documents share one)."""
    return (
        PagePermissionPolicy(),
        CollectionPermissionPolicy(Collection),
        SitePermissionPolicy(GroupSitePermission),
    )


def _attributes():
    return (
        *DJANGO_CACHES,
        *(policy.permission_cache_name for policy in _wagtail_policies()),
        PagePermissionPolicy._explorable_root_instance_cache_name,
    )


def _flags(user):
    return (user.is_active, user.is_superuser)


def take_snapshot(user):
    """Fill the user's permission caches with Django's and Wagtail's own code; return them as a dict."""
    user.get_all_permissions()  # ModelBackend: _user_perm_cache, _group_perm_cache, _perm_cache
    for policy in _wagtail_policies():
        list(policy.get_cached_permissions_for_user(user))  # evaluated: the snapshot pickles the rows
    PagePermissionPolicy().explorable_root_instance(user)  # the page tree's root the user may explore
    return {name: getattr(user, name) for name in _attributes() if hasattr(user, name)}


def prime_permissions(user):
    """Put the user's cached permissions on the user object (one cache round trip), or take them."""
    key = SNAPSHOT_KEY.format(pk=user.pk)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = renew_version()
    cached = found.get(key)
    if cached and cached["version"] == version and cached["flags"] == _flags(user):
        for name, value in cached["caches"].items():
            setattr(user, name, value)
        return False
    snapshot = take_snapshot(user)
    cache.set(key, {"version": version, "flags": _flags(user), "caches": snapshot}, SNAPSHOT_TIMEOUT)
    return True


def renew_version():
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


_request = threading.local()


def drop_snapshots(**kwargs):
    """A permission changed: every snapshot is stale now, again when the change is committed (a snapshot taken
    in between read the old rows) and once the current request ends."""
    renew_version()
    transaction.on_commit(renew_version)
    if getattr(_request, "serving", False):
        _request.renew_at_end = True


def drop_user_snapshots(sender, instance, action, reverse, pk_set, **kwargs):
    """A user's own groups or permissions changed: only that user's snapshot is stale (dropped at the same three
    moments as `drop_snapshots`), so creating a user with their roles leaves everybody else's frame warm."""
    if not action.startswith("post_"):
        return
    if not reverse:
        users = {instance.pk}
    elif pk_set is None:  # a group or a permission cleared of all its users
        return drop_snapshots()
    else:
        users = set(pk_set)
    keys = [SNAPSHOT_KEY.format(pk=pk) for pk in users]

    def delete():
        cache.delete_many(keys)

    delete()
    transaction.on_commit(delete)
    if getattr(_request, "serving", False):
        _request.deletions = [*getattr(_request, "deletions", []), keys]


def request_started(**kwargs):
    _request.serving, _request.renew_at_end, _request.deletions = True, False, []


def request_finished(**kwargs):
    if getattr(_request, "renew_at_end", False):
        renew_version()
    for keys in getattr(_request, "deletions", []):
        cache.delete_many(keys)
    _request.serving, _request.renew_at_end, _request.deletions = False, False, []


class CachedPermissionsMiddleware:
    """The extranet's requests (and the apps' routes of a logged-in user, portal.accounts.scope) start with the
    user's permissions from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is not None and scope.is_covered(request) and user.is_authenticated:
            prime_permissions(user)
        return None


def connect_invalidation():
    """Called by the accounts app's `ready`: every process that may change a permission drops the snapshots."""
    User = get_user_model()
    for model in (Group, Permission, GroupPagePermission, GroupCollectionPermission, GroupSitePermission, Collection):
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(drop_snapshots, sender=model, dispatch_uid=f"nege-frame-{name}-{model.__name__}")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(drop_user_snapshots, sender=through, dispatch_uid=f"nege-frame-m2m-{through.__name__}")
    m2m_changed.connect(drop_snapshots, sender=Group.permissions.through, dispatch_uid="nege-frame-m2m-group-perms")
    post_delete.connect(drop_snapshots, sender=Page, dispatch_uid="nege-frame-page-delete")
    post_page_move.connect(drop_snapshots, dispatch_uid="nege-frame-page-move")
    signals.request_started.connect(request_started, dispatch_uid="nege-frame-request-started")
    signals.request_finished.connect(request_finished, dispatch_uid="nege-frame-request-finished")
