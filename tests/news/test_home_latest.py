"""The home page lists the latest public news, never the extranet-only ones."""

import pytest

from .factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_lists_the_latest_public_news(client, django_assert_max_num_queries):
    for n in range(4):
        NewsPageFactory(title=f"Actualité publique {n}")
    NewsPageFactory(title="Réservée à l'extranet", internal=True)
    NewsPageFactory(title="Brouillon", draft=True)
    client.get("/")  # warm the caches

    with django_assert_max_num_queries(15):
        html = client.get("/").content.decode()

    assert "Dernières actualités" in html
    assert html.count('class="news-card"') == 3
    assert "Réservée à l" not in html
    assert "Brouillon" not in html
