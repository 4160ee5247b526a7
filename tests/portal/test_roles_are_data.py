"""Roles are data: renaming every group changes nobody's access; removing a permission closes its screen.

Access is checked with permission codenames (`user.has_perm`), never with group names. The first
test seeds the demo site (one or more users per role, objects of several organisations), records
what each demo user gets on a representative set of extranet URLs (the dashboard, every listing,
add and edit screens of objects of their own and of other organisations, the pool, statistics,
the membership review…), renames every group and checks every answer is unchanged.
"""

from io import StringIO

import pytest
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.reference import ReferenceItem
from recruitment.models import Candidate

from .factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PRODUCT_PACKAGES = ("portal", "directory", "membership", "news", "recruitment")
PRODUCT_APP_LABELS = {
    "accounts",
    "organisations",
    "pages",
    "mail",
    "directory",
    "membership",
    "news",
    "recruitment",
    "commission",
    "sar",
}
# Demo users: one per role at least (the administrator is a superuser, whom no group concerns).
DEMO_USERNAMES = [
    "redacteur",
    "president",
    "referent.a",
    "referent.b",
    "pilote",
    "conseil",
    "adc",
    "recruteur.a",
    "recruteur.b",
    "referent.company-c",
]
OBJECT_VIEWS = ("edit", "inspect", "history", "usage", "delete")


def _sample(pks):
    """The first, a middle and the last object: with the demo data, several organisations' objects."""
    return sorted({pks[0], pks[len(pks) // 2], pks[-1]}) if pks else []


def _reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def viewset_paths():
    """Index and add screens of every product viewset, and the object screens of a sample of objects."""
    reverse("wagtailadmin_home")  # loads the URLconf, which registers the viewsets
    paths = set()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is None or isinstance(viewset, ChooserViewSet) or model._meta.app_label not in PRODUCT_APP_LABELS:
            continue
        paths.update(filter(None, (_reverse(viewset.get_url_name(name)) for name in ("index", "add"))))
        if issubclass(model, ReferenceItem):
            continue  # plain lists: their index says enough
        for pk in _sample(list(model._default_manager.order_by("pk").values_list("pk", flat=True))):
            paths.update(filter(None, (_reverse(viewset.get_url_name(name), quote(pk)) for name in OBJECT_VIEWS)))
    return paths


def _is_product_view(pattern):
    callback = pattern.callback
    module = getattr(getattr(callback, "view_class", callback), "__module__", "") or ""
    return module.split(".")[0] in PRODUCT_PACKAGES


def custom_extranet_paths(resolver=None, prefix="/"):
    """The product's own extranet screens without URL parameters (pool search, statistics, informations…)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if entry.pattern.regex.groups:
            continue
        route = str(entry.pattern).lstrip("^").rstrip("$").replace("\\", "")
        if isinstance(entry, URLResolver):
            yield from custom_extranet_paths(entry, prefix + route)
        elif isinstance(entry, URLPattern) and (prefix + route).startswith("/extranet/") and _is_product_view(entry):
            yield prefix + route


def object_paths_of_custom_screens():
    """Parameterised screens outside the viewsets: studying a pool candidate, a session's screens…"""
    candidates = _sample(list(Candidate.objects.order_by("pk").values_list("pk", flat=True)))
    paths = [_reverse("sar_pool:study", pk) for pk in candidates]
    return set(filter(None, paths))


def representative_paths():
    paths = viewset_paths() | set(custom_extranet_paths()) | object_paths_of_custom_screens()
    paths |= {reverse("wagtailadmin_home"), reverse("wagtailadmin_account")}
    return sorted(paths)


def answers(usernames, paths):
    """{(username, path): status, plus the target of a redirect} for every user and path."""
    result = {}
    for username in usernames:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for path in paths:
            response = client.get(path)
            result[username, path] = (response.status_code, response.get("Location", ""))
    return result


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class TestRenamingEveryGroup:
    def test_nobody_gains_or_loses_access(self):
        call_command("seed_demo", force=True, candidates=6, verbosity=0, stdout=StringIO())
        paths = representative_paths()
        assert len(paths) > 60
        assert reverse("sar_pool:index") in paths
        before = answers(DEMO_USERNAMES, paths)
        assert {status for status, _ in before.values()} & {200}
        assert {status for status, _ in before.values()} - {200}, "the walk reaches closed screens too"

        for group in Group.objects.all():
            group.name = f"{group.name} (renommé)"
            group.save()
        cache.clear()

        after = answers(DEMO_USERNAMES, paths)
        changed = [
            f"{username} {path}: {before[username, path]} -> {after[username, path]}"
            for username, path in sorted(before)
            if before[username, path] != after[username, path]
        ]
        assert not changed, f"{len(changed)} answers changed when the groups were renamed:\n" + "\n".join(changed)


def screen_url(target):
    """A URL name, or the extranet listing of a model ("app_label.Model")."""
    if ":" in target:
        return reverse(target)
    reverse("wagtailadmin_home")  # loads the URLconf, which registers the viewsets
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is not None and model._meta.label == target and not isinstance(viewset, ChooserViewSet):
            return reverse(viewset.get_url_name("index"))
    raise AssertionError(f"no extranet listing for {target}")


class TestRemovingAPermission:
    @pytest.mark.parametrize(
        ("role", "organisation", "removed", "screen"),
        [
            (
                Role.EMPLOYMENT_ADVISER,
                {"employment_partner": True},
                ["recruitment.add_candidate", "recruitment.change_candidate", "recruitment.view_candidate"],
                "recruitment.Candidate",
            ),
            (
                Role.PRESIDENT,
                {"professional_body": True},
                ["membership.view_membershipapplication"],
                "membership.MembershipApplication",
            ),
            (Role.COMPANY_RECRUITER, {"company": True}, ["sar.search_pool"], "sar_pool:index"),
        ],
    )
    def test_the_matching_screen_closes(self, client, role, organisation, removed, screen):
        user = UserFactory(roles=[role], organisation=OrganisationFactory(**organisation))
        url = screen_url(screen)
        client.force_login(user)
        assert client.get(url).status_code == 200

        Group.objects.get(name=Role(role).value).permissions.remove(*[permission(name) for name in removed])
        cache.clear()

        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert not response["Location"].startswith(url)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200  # the rest of the extranet stays open
