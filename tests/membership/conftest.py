from importlib import import_module

import pytest
from django.apps import apps
from wagtail.models import Site

from portal.pages.models import SiteSettings

PRESIDENT_EMAIL = "president@nege.test"


@pytest.fixture(autouse=True)
def fee_grid_2019(db):
    """The 2019 grid seeded by the data migration (re-seeded if a transactional test flushed it)."""
    import_module("membership.migrations.0002_fee_grid_2019").seed_grid(apps, None)


@pytest.fixture
def president_email(db):
    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.president_email = PRESIDENT_EMAIL
    settings_.save()
    return PRESIDENT_EMAIL
