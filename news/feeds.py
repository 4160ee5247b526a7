"""RSS and Atom feeds of the public news, for all categories or one: never an extranet-only item."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .enums import FEED_SIZE
from .models import NewsCategory, NewsIndexPage, NewsPage


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, category=None):
        self.request = request
        if category is None:
            return None
        return get_object_or_404(NewsCategory, slug=category, is_active=True)

    def title(self, obj):
        base = "Actualités de Numéric'Emploi Grand Est"
        return f"{base} – {obj.name}" if obj else base

    def link(self, obj):
        index = NewsIndexPage.objects.live().first()
        url = index.get_url(request=self.request) if index else "/actualites/"
        return f"{url}?categorie={obj.slug}" if obj else url

    def description(self, obj):
        if obj:
            return f"Les dernières actualités publiques de la catégorie « {obj.name} »."
        return "Les dernières actualités publiques de Numéric'Emploi Grand Est."

    def items(self, obj):
        news = NewsPage.objects.public_news().select_related("category").defer_streamfields()
        if obj:
            news = news.filter(category=obj)
        return news.order_by("-first_published_at")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
