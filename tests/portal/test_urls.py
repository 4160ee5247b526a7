"""Every extranet URL of the URLconf is closed to anonymous visitors.

The test walks the whole URLconf (Wagtail's admin, every app's viewsets and custom views), builds
one concrete path per pattern (converters filled with dummy values) and requests it anonymously:
the answer must be a redirect to the login page, 401, 403, 404 or 405 — never a page.
"""

import re
from re import _constants as sre_constants
from re import _parser as sre_parse

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

EXTRANET = "/extranet/"

# Extranet paths that must stay reachable without an account, with the reason.
PUBLIC_EXTRANET_PATHS = {
    r"^/extranet/login/$": "the login page itself",
    r"^/extranet/password_reset/": "password reset: a user who forgot their password is anonymous",
    r"^/extranet/jsi18n/$": "JavaScript translation catalogue loaded by the login page",
    r"^/extranet/sprite(-[0-9a-f]+)?/$": "icon sprite (SVG icons) loaded by the login page",
}
ALLOWED_STATUSES = {401, 403, 404, 405}


def _sample(tokens):
    """A short string matching a parsed regular expression (sre_parse tokens)."""
    out = []
    for op, arg in tokens:
        if op is sre_constants.LITERAL:
            out.append(chr(arg))
        elif op is sre_constants.NOT_LITERAL:
            out.append("x" if chr(arg) != "x" else "y")
        elif op is sre_constants.ANY:
            out.append("x")
        elif op is sre_constants.IN:
            out.append(_sample_in(arg))
        elif op is sre_constants.CATEGORY:
            out.append(_sample_category(arg))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            low, _high, sub = arg
            out.append(_sample(sub) * max(low, 1))
        elif op is sre_constants.SUBPATTERN:
            out.append(_sample(arg[-1]))
        elif op is sre_constants.BRANCH:
            out.append(_sample(arg[1][0]))
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.GROUPREF):
            continue
        else:  # pragma: no cover - a construct this walker does not know yet
            raise ValueError(f"unsupported regex construct {op}")
    return "".join(out)


def _sample_category(category):
    if category is sre_constants.CATEGORY_DIGIT:
        return "1"
    if category is sre_constants.CATEGORY_SPACE:
        return " "
    return "x"


def _sample_in(items):
    negated = any(op is sre_constants.NEGATE for op, _ in items)
    if negated:
        excluded = {chr(arg) for op, arg in items if op is sre_constants.LITERAL}
        return next(c for c in "xyz1" if c not in excluded)
    for op, arg in items:
        if op is sre_constants.LITERAL:
            return chr(arg)
        if op is sre_constants.RANGE:
            low, high = arg
            return "1" if low <= ord("1") <= high else chr(low)
        if op is sre_constants.CATEGORY:
            return _sample_category(arg)
    return "x"


def sample_path(pattern):
    """A concrete path segment for a URL pattern (RoutePattern or RegexPattern)."""
    return _sample(sre_parse.parse(pattern.pattern.regex.pattern))


def walk(resolver=None, prefix="/"):
    """(path, pattern) for every endpoint of the URLconf, recursively."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        path = prefix + sample_path(entry)
        if isinstance(entry, URLResolver):
            yield from walk(entry, path)
        elif isinstance(entry, URLPattern):
            yield path, entry


def extranet_paths():
    return sorted({path for path, _ in walk() if path.startswith(EXTRANET)})


def is_public(path):
    return any(re.search(rx, path) for rx in PUBLIC_EXTRANET_PATHS)


def test_walker_finds_the_whole_extranet():
    paths = extranet_paths()
    assert len(paths) > 200  # Wagtail's admin alone has hundreds of routes
    assert "/extranet/pages/1/edit/" in paths
    assert "/extranet/users/" in paths
    assert "/extranet/settings/-/-/1/" in paths  # settings/<slug:app_name>/<slug:model_name>/<int:pk>/
    assert any(path.startswith("/extranet/snippets/") for path in paths)


def test_dummy_values_fill_converters():
    assert sample_path(_route("pages/<int:pk>/edit/")) == "pages/1/edit/"
    assert sample_path(_route("<str:app>/<path:rest>")) == "x/x"
    assert sample_path(_route("<uuid:id>/")) == "11111111-1111-1111-1111-111111111111/"
    assert _sample(sre_parse.parse(r"^(?P<slug>[-a-zA-Z0-9_]+)/(?:a|b)?(?P<pk>\d+)/$")) == "-/a1/"


def _route(route):
    from django.urls import path as make_path

    return make_path(route, lambda request: None)


def test_every_extranet_path_is_closed_to_anonymous_visitors(client):
    login_url = reverse("wagtailadmin_login")
    leaks = []
    checked = 0
    for path in extranet_paths():
        if is_public(path):
            continue
        checked += 1
        response = client.get(path)
        if response.status_code in ALLOWED_STATUSES:
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            location = response["Location"]
            if location.startswith(login_url):
                continue
            final = client.get(path, follow=True)
            if final.request["PATH_INFO"] == login_url or final.status_code in ALLOWED_STATUSES:
                continue
            leaks.append(f"{path} -> {location} -> {final.status_code}")
            continue
        leaks.append(f"{path} -> {response.status_code}")
    assert checked > 200
    assert not leaks, "extranet paths open to anonymous visitors:\n" + "\n".join(leaks)


def test_public_extranet_paths_are_really_public(client):
    public = [path for path in extranet_paths() if is_public(path)]
    assert "/extranet/login/" in public
    assert client.get("/extranet/login/").status_code == 200
    assert client.get(reverse("wagtailadmin_password_reset")).status_code == 200
