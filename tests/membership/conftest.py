import pytest
from wagtail.models import Site

from portal.pages.models import SiteSettings

PRESIDENT_EMAIL = "president@nege.test"


@pytest.fixture
def president_email(db):
    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.president_email = PRESIDENT_EMAIL
    settings_.save()
    return PRESIDENT_EMAIL
