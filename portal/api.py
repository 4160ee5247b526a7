"""Headless API (Wagtail API v2): public content only.

- pages: live, public pages, without extranet-only news;
- annuaire: accepted member organisations, public fields only;
- images and documents.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from directory.api import DirectoryAPIViewSet
from news.api import PublicPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("annuaire", DirectoryAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
