"""The public pages API without extranet-only news.

Registered as the "pages" endpoint (`API_ENDPOINTS`, see portal.registry), so listings, details, `find`,
`child_of` and `search` all exclude extranet-only items.
"""

from wagtail.api.v2.views import PagesAPIViewSet

from portal.public_cache import cached_api_response

from .models import NewsPage


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        internal = NewsPage.objects.filter(extranet_only=True).values("pk")
        return super().get_base_queryset().exclude(pk__in=internal)

    # Listings and details from the public cache (portal/public_cache.py), after the throttle.
    def listing_view(self, request):
        return cached_api_response(request, lambda: super(PublicPagesAPIViewSet, self).listing_view(request))

    def detail_view(self, request, pk):
        return cached_api_response(request, lambda: super(PublicPagesAPIViewSet, self).detail_view(request, pk))


API_ENDPOINTS = {"pages": PublicPagesAPIViewSet}
