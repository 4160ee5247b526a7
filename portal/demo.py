"""Shared helpers of the fictitious demo data, for every app's `demo.py`.

`manage.py seed_demo` runs the `DEMO_STEPS` of every app's `demo.py` (see portal.registry): the
site-wide ones are portal.pages.demo (pages, settings, home page), portal.organisations.demo
(organisations, `demo_organisation`) and portal.accounts.demo (users). Everything is idempotent:
entries are looked up by a stable key (slug, username) and created only when missing.
"""

import os
import zlib
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.hashers import make_password
from faker import Faker
from wagtail.models import Site

from portal.accounts.models import User
from portal.pages.models import HomePage, SiteSettings

DEMO_DOMAIN = "nege.test"
DEFAULT_PASSWORD = "nege-demo"


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


def set_demo_password(user, password=None):
    """Give the user the demo password, hashed once per run (a hash costs about a second of CPU)."""
    user.password = _hashed(password or demo_password(), tuple(settings.PASSWORD_HASHERS))


@lru_cache(maxsize=8)
def _hashed(password, hashers):
    return make_password(password)


def faker(key=""):
    """A French Faker whose output depends only on `key` (same data on every run)."""
    fake = Faker("fr_FR")
    fake.seed_instance(zlib.crc32(key.encode()))
    return fake


def demo_user(username):
    """A demo user by username, or None when it does not exist."""
    return User.objects.filter(username=username).first()


def default_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first() or Site.objects.first()


def home_page():
    """The home page of the default site (apps attach their index pages under it)."""
    site = default_site()
    return site.root_page.specific if site else HomePage.objects.first()


def add_menu_item(label, *, page=None, url="", site=None, footer=False):
    """Add a link to the main menu (or the footer) unless one with this label exists."""
    site = site or default_site()
    site_settings = SiteSettings.for_site(site)
    items = site_settings.footer_links if footer else site_settings.menu_items
    if not items.filter(label=label).exists():
        order = items.count()
        items.model.objects.create(settings=site_settings, label=label, page=page, url=url, sort_order=order)
