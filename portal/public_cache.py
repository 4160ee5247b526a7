"""Anonymous full-response cache of the public site's Wagtail pages.

An anonymous visitor without cookies (or with only the CSRF cookie) asking for a public page gets the
page as the last such visitor got it, straight from the Django cache, without routing, queries or
template rendering. Everything else goes through as usual:

- only GET requests of visitors sending no cookie but `csrftoken` and no Authorization header are
  looked up; a session, a message or any other cookie means "not anonymous": never cached, never served
  from the cache (a logged-in user never gets a cached copy);
- only a page served by Wagtail (`before_serve_page`, see `mark_cacheable`) without any view restriction,
  answered 200, is stored; never a response that sets a cookie, stores something in the session, uses a
  message, a CSP nonce, or says `Cache-Control: private/no-cache/no-store`;
- a CSRF token on the page (e.g. the contact form of a company's page) is stored as a placeholder and
  replaced by a fresh token for each visitor, whose CSRF cookie is set by CsrfViewMiddleware as usual;
  such pages are sent `Cache-Control: private` (the token must not be shared by a proxy);
- entries are keyed on scheme, host, path and query string, under a global public-content version; every
  save or delete of a model that may appear on a public page (any model but the bookkeeping ones of
  `IGNORED_APPS` / `IGNORED_MODELS`), every publication, unpublication and move renews the version, and
  again when the transaction commits (a page rendered in between read the old rows);
- an entry lives `CACHE_TIMEOUT` at most, the safety net for changes that send no signal
  (`queryset.update()`, raw SQL).

Responses always get `Vary: Cookie`: a logged-in user's page differs. The public API's listings and
details are cached the same way, after its throttle (`cached_api_response`).
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "nege:public-cache:version"
ENTRY_KEY = "nege:public-cache:page:{version}:{digest}"
API_KEY = "nege:public-cache:api:{version}:{digest}"
CACHE_TIMEOUT = 10 * 60
MAX_QUERY_LENGTH = 512  # longer query strings are served without the cache
SKIPPED_PREFIXES = ("/extranet/", "/api/", "/documents/", "/static/", "/media/", "/django-admin/")
CSRF_PLACEHOLDER = "@@nege-csrf-token@@"
CSRF_TOKEN_RE = re.compile(r"[a-zA-Z0-9]{64}")
HEADER = "X-Public-Cache"
REQUEST_FLAG = "_nege_public_cacheable"

# Bookkeeping that never shows on a public page: saving it leaves the public cache alone.
IGNORED_APPS = frozenset(
    [
        "sessions", "admin", "contenttypes", "django_q", "otp_totp", "otp_static", "wagtailsearch",
        "wagtailusers", "recruitment", "commission", "sar", "alerts", "legacy", "mail", "operations",
    ]
)  # fmt: skip
IGNORED_MODELS = frozenset(
    [
        "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
        "wagtailcore.workflowstate", "wagtailcore.taskstate", "wagtailcore.pagesubscription",
        "wagtailcore.commentreply", "wagtailcore.comment", "wagtailimages.rendition",
        "news.newsdelivery", "news.newsdigeststate",
    ]
)  # fmt: skip
LOGIN_ONLY_FIELDS = frozenset(["last_login"])


def current_version():
    return cache.get(VERSION_KEY) or renew_version()


def renew_version(**kwargs):
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def _renew_now_and_on_commit():
    renew_version()
    transaction.on_commit(renew_version)


def content_changed(sender=None, update_fields=None, **kwargs):
    """Any save/delete/m2m change: renew the version unless the model never appears on a public page."""
    meta = getattr(sender, "_meta", None)
    if meta is not None:
        if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
            return
        if meta.label_lower == "accounts.user" and update_fields and set(update_fields) <= LOGIN_ONLY_FIELDS:
            return  # a login: nothing public changed
    _renew_now_and_on_commit()


def connect_invalidation():
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    post_save.connect(content_changed, dispatch_uid="nege-public-cache-save")
    post_delete.connect(content_changed, dispatch_uid="nege-public-cache-delete")
    m2m_changed.connect(content_changed, dispatch_uid="nege-public-cache-m2m")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(renew_version, dispatch_uid=f"nege-public-cache-{id(signal)}")


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: a page without view restriction may be stored for anonymous visitors."""
    if getattr(request, "_nege_public_lookup", False) and not page.get_view_restrictions().exists():
        setattr(request, REQUEST_FLAG, True)


def _anonymous_get(request):
    if not settings.NEGE_PUBLIC_CACHE or request.method != "GET" or request.path.startswith(SKIPPED_PREFIXES):
        return False
    if "HTTP_AUTHORIZATION" in request.META or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    return not request.COOKIES or set(request.COOKIES) == {settings.CSRF_COOKIE_NAME}


def entry_key(request, version, template=ENTRY_KEY):
    raw = f"{request.scheme}|{request.get_host()}|{request.path}|{request.META.get('QUERY_STRING', '')}"
    return template.format(version=version, digest=hashlib.sha256(raw.encode()).hexdigest()[:40])


def _storable(request, response):
    if not getattr(request, REQUEST_FLAG, False) or response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME} or isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (getattr(messages, "used", False) or getattr(messages, "_queued_messages", None)):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store"))


def _without_csrf_tokens(request, response, content):
    """(content with the request's CSRF tokens as placeholders, whether there were any); None if unsure."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content, False
    # csrf_protect on a view sets the cookie itself (and clears the flag): either means a token was asked for.
    asked = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or settings.CSRF_COOKIE_NAME in response.cookies
    found = []

    def replace(match):
        token = match.group(0)
        if _unmask_cipher_token(token) == secret:
            found.append(token)
            return CSRF_PLACEHOLDER
        return token

    content = CSRF_TOKEN_RE.sub(replace, content)
    if found:
        return content, True
    return None if asked else (content, False)  # a token was asked for but is nowhere to be found: unsure


def _finish(response, state, has_token):
    patch_vary_headers(response, ("Cookie",))
    if has_token:
        patch_cache_control(response, private=True)
    response[HEADER] = state
    return response


def _from_entry(request, entry):
    content = entry["content"]
    if entry["csrf"]:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(content.encode(entry["charset"]), content_type=entry["content_type"])
    for name, value in entry["headers"]:
        response[name] = value
    for name, value in entry["attributes"].items():
        setattr(response, name, value)
    return _finish(response, "hit", entry["csrf"])


def _to_entry(request, response):
    charset = response.charset
    stripped = _without_csrf_tokens(request, response, response.content.decode(charset))
    if stripped is None:
        return None
    content, has_token = stripped
    kept = ("Content-Language", "X-Robots-Tag", "Link")
    return {
        "content": content,
        "csrf": has_token,
        "charset": charset,
        "content_type": response["Content-Type"],
        "headers": [(name, response[name]) for name in kept if name in response],
        "attributes": {name: value for name, value in vars(response).items() if name.startswith("_csp")},
    }


class PublicPageCacheMiddleware:
    """Serve and store anonymous public pages (last of MIDDLEWARE: the others still run on every response)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _anonymous_get(request):
            return self.get_response(request)
        version = current_version()
        key = entry_key(request, version)
        entry = cache.get(key)
        if entry is not None:
            return _from_entry(request, entry)
        request._nege_public_lookup = True
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        entry = _to_entry(request, response)
        if entry is None:
            return response
        if cache.get(VERSION_KEY) == version:  # nothing changed while rendering
            cache.set(key, entry, CACHE_TIMEOUT)
        return _finish(response, "miss", entry["csrf"])


def cached_api_response(request, build):
    """The public API's `build()` Response for this URL, its data from the cache under the same version.

    Called by an API view's handler, i.e. after DRF's throttling; the API is anonymous (no authentication
    class), its data public. Errors (raised) and random orders are never stored.
    """
    from rest_framework.response import Response

    if not settings.NEGE_PUBLIC_CACHE or request.method != "GET" or request.GET.get("order") == "random":
        return build()
    version = current_version()
    key = entry_key(request, version, API_KEY)
    data = cache.get(key)
    if data is not None:
        response = Response(data)
        response[HEADER] = "hit"
        return response
    response = build()
    if response.status_code == 200 and cache.get(VERSION_KEY) == version:
        cache.set(key, response.data, CACHE_TIMEOUT)
        response[HEADER] = "miss"
    return response
