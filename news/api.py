"""The public pages API without extranet-only news.

Registered as the "pages" endpoint (`API_ENDPOINTS`, see portal.registry), so listings, details, `find`,
`child_of` and `search` all exclude extranet-only items.
"""

from wagtail.api.v2.views import PagesAPIViewSet

from .models import NewsPage


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        internal = NewsPage.objects.filter(extranet_only=True).values("pk")
        return super().get_base_queryset().exclude(pk__in=internal)


API_ENDPOINTS = {"pages": PublicPagesAPIViewSet}
