"""Header and footer navigation of the public site, built once and cached.

Every public page shows the menu and the footer of the site settings. Reading them means a
settings query, two related lists and a page lookup per link: built once per site and kept in
the cache, invalidated whenever the settings or a page change.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import FooterLink, MenuItem, SiteSettings

CACHE_KEY = "nege:navigation"
CACHE_TIMEOUT = 15 * 60  # safety net: every change below also clears it


def _links(items):
    links = []
    for item in items:
        if item.page_id:
            if not item.page.live:
                continue  # never link to an unpublished page
            href = item.page.get_url()
        else:
            href = item.url
        if href:
            links.append({"label": item.label, "href": href})
    return links


def build_navigation(site):
    """The site's menu and footer as plain data (cacheable)."""
    site_settings = SiteSettings.for_site(site)
    legal = site_settings.legal_notice_page
    footer_links = _links(site_settings.footer_links.select_related("page"))
    legal_url = legal.get_url() if legal and legal.live else ""
    if any(link["href"] == legal_url for link in footer_links):
        legal_url = ""  # already among the footer links: do not print it twice
    return {
        "menu": _links(site_settings.menu_items.select_related("page")),
        "footer_links": footer_links,
        "footer_text": site_settings.footer_text,
        "contact_email": site_settings.contact_email,
        "legal_notice_url": legal_url,
    }


EMPTY = {"menu": [], "footer_links": [], "footer_text": "", "contact_email": "", "legal_notice_url": ""}


def get_navigation(request):
    """The navigation of the request's site, from the cache when possible."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return EMPTY
    by_site = cache.get(CACHE_KEY) or {}
    if site.pk not in by_site:
        by_site[site.pk] = build_navigation(site)
        cache.set(CACHE_KEY, by_site, CACHE_TIMEOUT)
    return by_site[site.pk]


def clear_navigation(**kwargs):
    cache.delete(CACHE_KEY)


def connect_signals():
    for model in (SiteSettings, MenuItem, FooterLink, Site):
        post_save.connect(clear_navigation, sender=model, dispatch_uid=f"nege-nav-save-{model.__name__}")
        post_delete.connect(clear_navigation, sender=model, dispatch_uid=f"nege-nav-delete-{model.__name__}")
    post_delete.connect(clear_navigation, sender=Page, dispatch_uid="nege-nav-page-delete")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(clear_navigation, dispatch_uid=f"nege-nav-{id(signal)}")
