"""Make sure the news index exists (created by migration 0003; recreated after a test flush)."""

from portal.pages.models import HomePage

from .models import NewsIndexPage


def ensure_news_index():
    index = NewsIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.order_by("path").first()
    index = NewsIndexPage(
        title="Actualités",
        slug="actualites",
        intro="Les actualités de l'association, de ses commissions et de ses partenaires.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index
