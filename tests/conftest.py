"""Root fixtures: a strict, deterministic test environment.

- the test database gets the reference lists and the role groups once per session;
- background tasks run inline (NEGE_TASKS_SYNC) and e-mails land in `mailoutbox`;
- the cache (rate limits) is emptied before every test, and the rate limits' clock stands still during one.
"""

import os
import time
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from wagtail.models import Collection, Locale, Page, Site

from news.setup import ensure_news_index
from portal.pages.models import HomePage
from tests.directory.factories import directory_page
from tests.portal.factories import issued_last_names


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_base_data()


def ensure_base_data():
    """Recreate what migrations and the session setup provide: a transactional test (and the
    live server of the browser tests) empties every table when it ends."""
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    home = HomePage.objects.first() or root.add_child(
        instance=HomePage(title="Numéric'Emploi Grand Est", slug="accueil", locale=locale)
    )
    if not Site.objects.exists():
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    call_command("load_reference", verbosity=0)
    call_command("setup_roles", verbosity=0)
    # Index pages created by the apps' data migrations.
    ensure_news_index()
    directory_page()


@pytest.fixture(autouse=True)
def _base_data_for_transactional_tests(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    if transactional or {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        ensure_base_data()


@pytest.fixture(autouse=True)
def _distinct_last_names():
    issued_last_names.clear()


@pytest.fixture(autouse=True)
def _frozen_rate_windows(monkeypatch):
    """django-ratelimit starts each key's window at its own offset: one ending mid-test would reset a count
    (a loaded machine makes that likely). The clock of the rate limits stands still during a test."""
    frozen = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: frozen))


def _worker_cache(caches):
    """Parallel workers (pytest-xdist) each get their own Redis database: emptying the cache before a test
    (FLUSHDB) must not wipe the counters of a test running in the other worker."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    default = caches["default"]
    if not worker.startswith("gw") or not default["BACKEND"].endswith("RedisCache"):
        return caches
    base, _, db = default["LOCATION"].rpartition("/")
    database = (int(db or 0) - 1 - int(worker[2:])) % 16
    return {**caches, "default": {**default, "LOCATION": f"{base}/{database}"}}


@pytest.fixture(autouse=True)
def _strict_environment(settings, tmp_path):
    settings.CACHES = _worker_cache(settings.CACHES)
    settings.NEGE_TASKS_SYNC = True
    # Every e-mail goes through the queue; the (inline) worker delivers to `mailoutbox`.
    settings.EMAIL_BACKEND = "portal.mail.backends.QueuedEmailBackend"
    settings.NEGE_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NEGE_EMAIL_JOURNAL_DIR = tmp_path / "mail-journal"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Staff log in with their password alone (force_login), whatever DEBUG says; tests/portal/test_two_factor.py
    # sets "required" itself.
    settings.NEGE_TWO_FACTOR = "offered"
    # Responses keep their template context; tests/portal/test_public_cache.py turns the page cache on.
    settings.NEGE_PUBLIC_CACHE = False
    cache.clear()
    yield
    cache.clear()


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (CI runs it there: DATABASE_URL=postgres://...)")
    for item in items:
        if item.get_closest_marker("postgresql"):
            item.add_marker(skip)
