"""Idle extranet sessions end: after `NEGE_SESSION_IDLE_MINUTES` without a request (on the routes of
scope.py), the user is logged out and the extranet sends them to the login page with a French message.

The last activity is a timestamp in the session, written at most once a minute
(rules.activity_needs_writing): a request in between changes nothing, so the session is not saved
on every request. Wagtail's editing-session pings (sent by an open editor on its own) are no activity.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from . import rules, scope

LAST_ACTIVITY_SESSION_KEY = "nege_last_activity"


def idle_message(minutes):
    duration = f"{minutes // 60} heure{'s' if minutes >= 120 else ''}" if minutes % 60 == 0 else f"{minutes} minutes"
    return f"Votre session a expiré après une période d'inactivité de {duration}. Reconnectez-vous pour continuer."


def on_user_logged_in(sender, request, user, **kwargs):
    """A new login starts counting (and the first requests after it write nothing)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY_SESSION_KEY] = int(time.time())


class SessionIdleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not scope.is_covered(request) or not request.user.is_authenticated:
            return None
        now = time.time()
        last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
        minutes = settings.NEGE_SESSION_IDLE_MINUTES
        if rules.session_is_idle(last, now, minutes):
            logout(request)
            messages.warning(request, idle_message(minutes))
            if request.path.startswith(scope.extranet_prefix()):
                return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            return None  # a route outside the extranet goes on for an anonymous visitor (its own rules apply)
        pinged = "wagtailadmin_editing_sessions" in request.resolver_match.namespaces
        if not pinged and rules.activity_needs_writing(last, now):
            request.session[LAST_ACTIVITY_SESSION_KEY] = int(now)
        return None
