"""The declared access matrix (tests/access_matrix/), walked for real against the demo data.

The demo world (`seed_demo` and a few more objects) is built once for the module inside a
transaction rolled back at the end; each row is one test (its own savepoint) that requests its URL
as every profile, on the profile's own object and on another organisation's / company's, and
compares the outcome with the table. Refused profiles also POST with no data, which must not
succeed either. A second test fails on every URL pattern of the URLconf without a row.
"""

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client, override_settings

from tests.access_matrix import ALLOWED, PROFILES, REFUSED
from tests.access_matrix.table import TABLE
from tests.access_matrix.walker import build_path, endpoints, outcome
from tests.access_matrix.world import build_world

pytestmark = pytest.mark.django_db

WALKED = sorted(key for key, entry in TABLE.items() if not entry.skip)


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("matrix")
    storages = {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root / "media")},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root / "private"), "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    fast = {
        "STORAGES": storages,
        "MEDIA_ROOT": root / "media",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "NEGE_TASKS_SYNC": True,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    with django_db_blocker.unblock(), override_settings(**fast):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            clients = {}
            for profile, user in world.users.items():
                client = Client()
                if user is not None:
                    client.force_login(user)
                clients[profile] = (client, client.cookies.get(django_settings.SESSION_COOKIE_NAME))
            world.settings = fast
            yield world, clients
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def walk(matrix, settings, db):
    world, clients = matrix
    for name, value in world.settings.items():
        setattr(settings, name, value)
    settings.NEGE_TWO_FACTOR = "offered"  # the matrix is about roles; the second factor has its own tests
    params = endpoints()

    def request(profile, method, path):
        client, cookie = clients[profile]
        if cookie is not None:  # a previous row may have logged the profile out
            client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie.value
        return getattr(client, method)(path)

    return world, params, request


def _paths(entry, world, obj, params):
    variants = entry.kwargs if isinstance(entry.kwargs, list) else [entry.kwargs]
    paths = []
    for variant in variants:
        paths.append(
            build_path(type(entry)(**{**entry.__dict__, "kwargs": variant}), world, obj, params.get(entry.key))
        )
    return paths


def _cases(entry, world, profile):
    """(label, object, expected) of the cells of a row for one profile."""
    if not entry.obj:
        return [("", None, profile in entry.allow)]
    own, other = world.objects(entry.obj, profile)
    assert own is not None, f"the demo world has no {entry.obj!r} object for {entry.key}"
    cases = [("own", own, profile in entry.allow)]
    if entry.other is not None and other is not None:
        cases.append(("other", other, profile in entry.other))
    return cases


WRITING_ACTIONS = (":add", ":edit", ":delete", ":copy", ":create")


def _writes(key):
    """Routes whose POST changes data: a refused profile's POST is checked too."""
    return key.endswith(WRITING_ACTIONS)


@pytest.mark.parametrize("key", WALKED)
def test_access(walk, key):
    world, params, request = walk
    entry = TABLE[key]
    wrong = []
    for profile in entry.profiles or PROFILES:
        for label, obj, allowed in _cases(entry, world, profile):
            for path in _paths(entry, world, obj, params):
                methods = ["post"] if entry.post else ["get", "post"] if not allowed and _writes(key) else ["get"]
                if entry.post and allowed:
                    continue  # a POST with no data by a profile that may use the screen could change data
                for method in methods:
                    response = request(profile, method, path)
                    got = outcome(response, path, entry.refused_redirects)
                    if method == "post" and got != ALLOWED and response.status_code == 400:
                        got = REFUSED  # a refused POST may fail validation first: it did not succeed
                    expected = ALLOWED if allowed else REFUSED
                    if got != expected:
                        where = response.get("Location", "")
                        wrong.append(
                            f"{profile} {label} {method.upper()} {path} -> {response.status_code} {where}: "
                            f"expected {expected}, got {got}"
                        )
    assert not wrong, f"{key}:\n" + "\n".join(wrong)


def test_every_url_pattern_has_a_row():
    found = endpoints()
    missing = [f"  {key}  (/{found[key][0][0]})" for key in sorted(set(found) - set(TABLE))]
    assert not missing, (
        "URL patterns without a row in the access matrix: add one line each to the module of their app in "
        'tests/access_matrix/, e.g. row("app:name", ADMIN | ADVISERS, obj="candidate", other=ADMIN):\n'
        + "\n".join(missing)
    )


def test_every_row_names_a_url_pattern():
    known = set(endpoints())
    stale = sorted(key for key, entry in TABLE.items() if key not in known and not entry.skip)
    assert not stale, "rows of the access matrix whose URL pattern no longer exists:\n" + "\n".join(stale)


def test_every_demo_profile_exists(matrix):
    world, _clients = matrix
    missing = [profile for profile, username in PROFILES.items() if username and world.users[profile] is None]
    assert not missing
