"""The user's own second-factor screens under /extranet/securite/: enrolment, verification after the
password, the recovery codes (shown once) and the "Sécurité du compte" page.

The enrolment and verification screens are open to a logged-in user who has not yet proved the
second factor (two_factor.OPEN_URL_NAMES); the others need a verified session when the user has a device.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import LazyObject
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.log_actions import log

from portal import limits

from . import devices, rules
from .security_forms import THROTTLED, WRONG_CODE, WRONG_ENROLMENT_CODE, CodeForm, EnrolmentForm


def next_url(request):
    """Where to go once the step is done: the `next` the middleware passed, if it is ours."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def person(user):
    """`request.user` without its lazy wrappers (AuthenticationMiddleware's, OTPMiddleware's): the log's object."""
    while isinstance(user, LazyObject):
        user.pk  # noqa: B018 - evaluates the wrapper
        user = user._wrapped
    return user


def is_forced(user):
    return settings.NEGE_TWO_FACTOR == rules.REQUIRED and rules.requires_second_factor(user)


def _prove(request, device):
    """The session is now verified with `device` (a new session key: the session gained a privilege)."""
    request.session.cycle_key()
    otp_login(request, device)
    request.session[devices.ENROLLED_SESSION_KEY] = True


def _rate_limited(request, form):
    if limits.SECOND_FACTOR_PER_USER.hit(request):
        form.is_valid()
        form.add_error("code", limits.SECOND_FACTOR_PER_USER.message)
        return True
    return False


def verify_view(request):
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not devices.has_confirmed_device(user):  # reset by an administrator meanwhile
        request.session[devices.ENROLLED_SESSION_KEY] = False
        return redirect(with_next("nege_security_enrol", request) if is_forced(user) else next_url(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _rate_limited(request, form):
            status = 429
        elif form.is_valid():
            device, throttled = devices.verify(user, form.cleaned_data["code"])
            if device is not None:
                _prove(request, device)
                if isinstance(device, StaticDevice):
                    left = devices.remaining_recovery_codes(user)
                    messages.warning(
                        request,
                        f"Connexion avec un code de secours : il vous en reste {left}. "
                        "Pensez à en générer de nouveaux depuis « Sécurité du compte ».",
                    )
                return redirect(next_url(request))
            form.add_error("code", THROTTLED if throttled else WRONG_CODE)
    context = {"form": form, "next": next_url(request)}
    return TemplateResponse(request, "accounts/security/verify.html", context, status=status)


def enrol_view(request):
    user = request.user
    if devices.has_confirmed_device(user) and not user.is_verified():
        return redirect(with_next("nege_security_verify", request))  # replacing a device needs the old one
    device = devices.pending_totp(user)
    form = EnrolmentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _rate_limited(request, form):
            status = 429
        elif form.is_valid() and not device.verify_is_allowed()[0]:
            form.add_error("code", THROTTLED)
        elif form.is_valid():
            codes = devices.confirm_totp(device, devices.normalise_code(form.cleaned_data["code"]))
            if codes is not None:
                _prove(request, device)
                request.session[devices.NEW_CODES_SESSION_KEY] = codes
                log(instance=person(user), action="accounts.enrol_second_factor", user=user)
                messages.success(request, "La double authentification est activée sur votre compte.")
                return redirect(with_next("nege_security_codes", request))
            form.add_error("code", WRONG_ENROLMENT_CODE)
    context = {
        "form": form,
        "next": next_url(request),
        "forced": is_forced(user) and not user.is_verified(),
        "qr_code": mark_safe(devices.qr_code_svg(device)),  # noqa: S308 - SVG built by qrcode from our own URL
        "secret": devices.secret_for_manual_entry(device),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return TemplateResponse(request, "accounts/security/enrol.html", context, status=status)


def recovery_codes_view(request):
    """The codes just generated, once: a reload shows them no more."""
    codes = request.session.pop(devices.NEW_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(request, "Les codes de secours ne s'affichent qu'une fois. Générez-en de nouveaux au besoin.")
        return redirect("nege_security")
    context = {"codes": codes, "next": next_url(request)}
    return TemplateResponse(request, "accounts/security/recovery_codes.html", context)


def security_view(request):
    user = request.user
    totp = devices.confirmed_totp(user)
    context = {
        "totp": totp,
        "remaining_codes": devices.remaining_recovery_codes(user) if totp else 0,
        "forced": is_forced(user),
        "idle_minutes": settings.NEGE_SESSION_IDLE_MINUTES,
    }
    return TemplateResponse(request, "accounts/security/account_security.html", context)


@require_POST
def regenerate_codes_view(request):
    user = request.user
    if not devices.has_confirmed_device(user):
        return redirect("nege_security_enrol")
    if not user.is_verified():
        return redirect(with_next("nege_security_verify", request))
    request.session[devices.NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
    log(instance=person(user), action="accounts.regenerate_recovery_codes", user=user)
    messages.success(request, "Vos nouveaux codes de secours sont prêts : les anciens ne fonctionnent plus.")
    return redirect("nege_security_codes")
