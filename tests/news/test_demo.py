import io

import pytest

from news import demo
from news.models import NewsCategory, NewsPage
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_seed_creates_items_in_every_category_once():
    referent = UserFactory(username="referent.a")
    demo.seed(io.StringIO())
    count = NewsPage.objects.live().count()
    for category in NewsCategory.objects.filter(is_active=True):
        assert NewsPage.objects.live().filter(category=category, extranet_only=False).count() >= 2
    assert NewsPage.objects.live().filter(extranet_only=True).count() == 1
    assert referent.news_categories.count() == 3
    demo.seed(io.StringIO())
    assert NewsPage.objects.live().count() == count
