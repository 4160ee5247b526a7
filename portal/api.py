"""Headless API (Wagtail API v2): public content only.

Apps declare their endpoints in `api.py` (`API_ENDPOINTS`, see portal.registry): the public
pages without extranet-only news ("pages"), the accepted member organisations ("annuaire").
Images and documents are Wagtail's own.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal import registry

api_router = WagtailAPIRouter("wagtailapi")
for name, viewset in registry.api_endpoints().items():
    api_router.register_endpoint(name, viewset)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
