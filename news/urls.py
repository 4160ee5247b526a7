from django.urls import path

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("actualites/flux/rss/", feeds.NewsRssFeed(), name="feed_rss"),
    path("actualites/flux/atom/", feeds.NewsAtomFeed(), name="feed_atom"),
    path("actualites/flux/<slug:category>/rss/", feeds.NewsRssFeed(), name="category_feed_rss"),
    path("actualites/flux/<slug:category>/atom/", feeds.NewsAtomFeed(), name="category_feed_atom"),
    path("actualites/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
