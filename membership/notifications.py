"""E-mails of membership, all through the e-mail queue."""

import logging

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Site

from portal.mail.queue import send_templated_email
from portal.pages.models import SiteSettings

from . import perms
from .enums import ApplicationState
from .fees import format_euros
from .summary import application_summary
from .tokens import make_token

logger = logging.getLogger(__name__)


def president_email():
    """SiteSettings.president_email of the default site, else the first user granted to receive applications."""
    site = Site.objects.filter(is_default_site=True).first()
    address = SiteSettings.for_site(site).president_email if site else ""
    if address:
        return address
    president = perms.users_with_perm(perms.RECEIVE_APPLICATIONS).order_by("pk").first()
    return president.email if president else ""


def resume_url(application):
    return settings.BASE_URL + reverse("membership:organisation", args=[make_token(application)])


def _application_context(application):
    return {
        "application": application,
        "applicant": application.applicant,
        "organisation": application.organisation,
        "summary": application_summary(application),
        "expected_fee": format_euros(application.expected_fee) if application.expected_fee is not None else "",
        "review_url": settings.BASE_URL + reverse("membership_applications:inspect", args=[application.pk]),
    }


def send_resume_link(application):
    send_templated_email(
        "membership/emails/resume_link",
        {"application": application, "applicant": application.applicant, "resume_url": resume_url(application)},
        to=[application.applicant.email],
    )


def send_application_submitted(application):
    """The whole application to the President (reply goes to the applicant), a copy to the applicant."""
    context = _application_context(application)
    to_president = president_email()
    if to_president:
        send_templated_email(
            "membership/emails/application_to_president",
            context,
            to=[to_president],
            reply_to=[application.applicant.email],
        )
    else:
        logger.error("No president e-mail in the site settings: application %s not forwarded", application.pk)
    send_templated_email("membership/emails/application_copy", context, to=[application.applicant.email])


def send_decision(application):
    template = "accepted" if application.state == ApplicationState.ACCEPTED else "refused"
    context = {
        **_application_context(application),
        "login_url": settings.BASE_URL + reverse("wagtailadmin_login"),
    }
    reply_to = [president_email()] if president_email() else []
    send_templated_email(
        f"membership/emails/application_{template}", context, to=[application.applicant.email], reply_to=reply_to
    )


def send_overdue_reminder(applications):
    to = president_email()
    if not to:
        logger.error("No president e-mail in the site settings: no reminder sent")
        return None
    items = [_application_context(application) for application in applications]
    return send_templated_email("membership/emails/overdue_reminder", {"items": items}, to=[to])


def send_account_request_to_approvers(account_request):
    approvers = list(perms.users_with_perm(perms.APPROVE_ACCOUNTS).values_list("email", flat=True))
    if not approvers:
        return
    send_templated_email(
        "membership/emails/account_request",
        {
            "request": account_request,
            "review_url": settings.BASE_URL + reverse("membership_account_requests:inspect", args=[account_request.pk]),
        },
        to=approvers,
    )


def password_setup_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.BASE_URL + reverse("wagtailadmin_password_reset_confirm", args=[uid, token])


def send_account_created(account_request, user):
    send_templated_email(
        "membership/emails/account_created",
        {"request": account_request, "user": user, "setup_url": password_setup_url(user)},
        to=[user.email],
    )
    if account_request.requested_by and account_request.requested_by.email:
        send_templated_email(
            "membership/emails/account_approved",
            {"request": account_request, "user": user},
            to=[account_request.requested_by.email],
        )


def send_account_refused(account_request):
    if account_request.requested_by and account_request.requested_by.email:
        send_templated_email(
            "membership/emails/account_refused", {"request": account_request}, to=[account_request.requested_by.email]
        )
