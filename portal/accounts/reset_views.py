"""An administrator resets a user's second factor (lost or replaced phone): a confirmation page, then a POST.

The devices are deleted, the reset is kept in the user's history (Wagtail log entry) and the user is
told by e-mail; at their next login (or next page, for an open session) they enrol again.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django_otp import user_has_device
from wagtail.admin.widgets import Button
from wagtail.log_actions import log

from portal.mail.queue import send_templated_email

from . import devices
from .roles import RESET_SECOND_FACTOR


def may_reset(user, target):
    """Holders of the permission; only a superuser touches a superuser's devices."""
    return user.has_perm(RESET_SECOND_FACTOR) and (user.is_superuser or not target.is_superuser)


def reset_button(target, request_user):
    """The "Réinitialiser la double authentification" button of the user screens, for who may use it."""
    if not may_reset(request_user, target):
        return None
    return Button(
        "Réinitialiser la double authentification",
        url=reverse("nege_security_reset", args=[target.pk]),
        icon_name="key",
        priority=60,
    )


def reset_second_factor(target, by):
    """Delete the devices, log it, tell the user. Returns the number of devices deleted."""
    with transaction.atomic():  # the e-mail is recorded with the reset, and leaves once it is committed
        count = devices.reset(target)
        log(instance=target, action="accounts.reset_second_factor", user=by, data={"devices": count})
        if target.email:
            send_templated_email(
                "accounts/emails/second_factor_reset",
                {"user": target, "enrol_url": reverse("nege_security_enrol")},
                to=[target.email],
            )
    return count


def reset_view(request, user_id):
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, target):
        # a 403 page (Wagtail's admin would turn PermissionDenied into a redirect to the dashboard)
        return TemplateResponse(request, "accounts/security/forbidden.html", status=403)
    if request.method == "POST":
        reset_second_factor(target, request.user)
        messages.success(
            request,
            f"La double authentification de {target} est réinitialisée : un courriel l'en informe, "
            "et elle lui sera demandée de nouveau à sa prochaine connexion.",
        )
        return redirect("wagtailusers_users:edit", target.pk)
    context = {"target": target, "has_device": user_has_device(target, confirmed=None)}
    return TemplateResponse(request, "accounts/security/reset_confirm.html", context)
