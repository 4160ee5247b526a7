"""Which requests the staff-login safeguards (second factor, idle expiry) cover.

Everything a logged-in user reaches is covered, the extranet and the apps' own routes outside it
(e.g. a dossier's documents), except what anyone may read anyway: the public pages (Wagtail's page
serving, whose privacy settings Wagtail enforces), the public API, the sitemap, robots.txt, and
the static and media files of development.
"""

from django.conf import settings
from django.urls import reverse

PUBLIC_URL_NAMES = {"wagtail_serve", "sitemap", "robots"}
PUBLIC_NAMESPACES = {"wagtailapi"}


def extranet_prefix():
    return reverse("wagtailadmin_home")


def is_covered(request):
    """True for a request the safeguards apply to (call from `process_view`: the URL is resolved)."""
    path = request.path
    if path.startswith(extranet_prefix()):
        return True
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return False
    match = request.resolver_match
    if match is None:
        return False
    return match.url_name not in PUBLIC_URL_NAMES and not PUBLIC_NAMESPACES & set(match.namespaces)


def is_extranet_api(request):
    return request.path.startswith(f"{extranet_prefix()}api/")
