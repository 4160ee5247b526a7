"""The second factor of the extranet: after the password, a logged-in user who owes a step
(rules.second_factor_step) is sent to the enrolment or the verification screen.

Wagtail's login view logs the user in with the password; this middleware then holds every other
extranet page, and the apps' routes outside it (scope.py), until the session is verified by django-otp
(`request.user.is_verified()`, set by `django_otp.middleware.OTPMiddleware`, placed before it). The
extranet's API answers 403 instead of a redirect.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import devices, rules, scope

ENROL_URL_NAME = "nege_security_enrol"
VERIFY_URL_NAME = "nege_security_verify"
# Extranet screens open to a user who still owes the second factor: the login and its neighbours,
# the two screens of the second factor, and what the login page loads.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    ENROL_URL_NAME,
    VERIFY_URL_NAME,
}
OPEN_URL_PREFIXES = ("wagtailadmin_password_reset",)
API_REFUSAL = "Double authentification requise : validez votre code avant d'utiliser l'extranet."


def remember_enrolment(request, user):
    """At login: whether the user has a confirmed device, kept in the session (no query per request)."""
    if request is not None and hasattr(request, "session"):
        request.session[devices.ENROLLED_SESSION_KEY] = devices.has_confirmed_device(user)


def on_user_logged_in(sender, request, user, **kwargs):
    remember_enrolment(request, user)


def session_has_device(request):
    enrolled = request.session.get(devices.ENROLLED_SESSION_KEY)
    if enrolled is None:  # a session opened before this feature
        remember_enrolment(request, request.user)
        enrolled = request.session[devices.ENROLLED_SESSION_KEY]
    return enrolled


def pending_step(request):
    """The step (rules.ENROL / rules.VERIFY) the logged-in user still owes, or None."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    policy = settings.NEGE_TWO_FACTOR
    return rules.second_factor_step(
        policy=policy,
        required_for_user=policy == rules.REQUIRED and rules.requires_second_factor(user),
        has_device=session_has_device(request),
        verified=False,
    )


def is_open(match):
    name = match.url_name or ""
    return name in OPEN_URL_NAMES or name.startswith(OPEN_URL_PREFIXES)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not scope.is_covered(request) or is_open(request.resolver_match):
            return None
        step = pending_step(request)
        if step is None:
            return None
        if scope.is_extranet_api(request):
            return JsonResponse({"detail": API_REFUSAL}, status=403)
        target = reverse(ENROL_URL_NAME if step == rules.ENROL else VERIFY_URL_NAME)
        next_url = request.get_full_path() if request.method == "GET" else scope.extranet_prefix()
        return redirect(f"{target}?{urlencode({'next': next_url})}")
