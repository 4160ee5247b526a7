"""Walking the matrix: every endpoint of the URLconf, one concrete URL per row and profile, the outcome."""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from . import ALLOWED, REFUSED

LOGIN = "/extranet/login/"
HOME = "/extranet/"  # Wagtail's answer to a logged-in user without the permission
REFUSAL_PREFIXES = (LOGIN, "/_util/login/")


def endpoints(resolver=None, prefix="", namespace=""):
    """{key: [(route, parameter names) of each route]} for every endpoint of the URLconf, recursively."""
    resolver = resolver or get_resolver()
    found = {}
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            for key, params in endpoints(entry, route, inner).items():
                found.setdefault(key, []).extend(params)
        elif isinstance(entry, URLPattern):
            key = f"{namespace}{entry.name}" if entry.name else route
            found.setdefault(key, []).append((route, _params(entry)))
    return found


def _params(entry):
    converters = getattr(entry.pattern, "converters", None)
    if converters:
        return list(converters)
    return list(entry.pattern.regex.groupindex)


def build_path(row, world, obj, params):
    """The concrete path of `row` for `obj` (None for a row without object)."""
    if row.path is not None:
        return row.path(world, obj)
    kwargs = row.kwargs
    if callable(kwargs):
        kwargs = kwargs(world, obj)
    if kwargs is None:
        names = params[0][1] if params else []
        kwargs = dict.fromkeys(names, obj.pk) if obj is not None else {}
    return reverse(row.key, kwargs=kwargs)


def outcome(response, path, refused_redirects=()):
    """ALLOWED, REFUSED, or a description of an unexpected answer (a server error)."""
    status = response.status_code
    if status in (400, 401, 403, 404, 405):  # 400: a malformed request is served nothing either
        return REFUSED
    if 300 <= status < 400:
        location = response["Location"]
        if location.startswith(REFUSAL_PREFIXES + tuple(refused_redirects)) or (location == HOME and path != HOME):
            return REFUSED
        return ALLOWED
    if status < 300:
        return ALLOWED
    return f"status {status}"


def redirect_target(response):
    return response.get("Location", "")
