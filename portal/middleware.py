"""Site-wide middleware."""

from csp.constants import SELF, UNSAFE_INLINE


class ExtranetCSPMiddleware:
    """Relax the CSP on the extranet, whose Wagtail admin needs inline styles and scripts.

    The public site keeps the strict policy from settings. Placed after CSPMiddleware so that
    its `_csp_replace` marker is read when CSPMiddleware builds the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/extranet/"):
            response._csp_replace = {
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:", "blob:"],
                "frame-src": [SELF],
            }
        return response
