"""E-mails of the recruitment support module: non-response alert, daily due-date reminders."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log as log_action

from portal.accounts.roles import Role
from portal.mail.queue import send_templated_email
from recruitment.models import ContactPoint

from .enums import REMINDER_HORIZON_DAYS


def commission_email():
    """SiteSettings.commission_email of the default site, else settings.NEGE_COMMISSION_EMAIL."""
    from wagtail.models import Site

    from portal.pages.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        address = SiteSettings.for_site(site).commission_email
        if address:
            return address
    return settings.NEGE_COMMISSION_EMAIL


def non_response_recipient(candidate):
    """The NEGE contact point of the following organisation for the candidate's bassin, else the dossier's."""
    contact = (
        ContactPoint.objects.select_related("user")
        .filter(organisation_id=candidate.organisation_id, employment_area_id=candidate.employment_area_id)
        .first()
    )
    return contact.user if contact is not None else candidate.organisation_contact


def alert_non_response_once(sheet, *, now):
    """Send "Signalement de non réponse" unless already sent for this ticking (atomic claim)."""
    from .models import FollowUpSheet

    claimed = FollowUpSheet.objects.filter(pk=sheet.pk, no_response_alerted_at__isnull=True).update(
        no_response_alerted_at=now
    )
    if not claimed:
        return False
    candidate = sheet.candidate
    recipient = non_response_recipient(candidate)
    send_templated_email(
        "sar/emails/non_response",
        {
            "sheet": sheet,
            "candidate": candidate,
            "company": sheet.company,
            "recruiter": sheet.created_by,
            "recipient": recipient,
        },
        to=[recipient.email],
        cc=[commission_email()],
    )
    log_action(sheet, "sar.non_response", data={"to": recipient.email})
    return True


def send_due_reminders(today=None):
    """Daily: e-mail each recruiter the sheets they created that are overdue or due within 7 days."""
    from portal.accounts.models import User

    from .models import FollowUpSheet, ReminderLog

    today = today or timezone.localdate()
    limit = today + timedelta(days=REMINDER_HORIZON_DAYS)
    recruiter_ids = (
        FollowUpSheet.objects.filter(due_on__lte=limit, created_by__isnull=False)
        .values_list("created_by_id", flat=True)
        .distinct()
    )
    sent = 0
    for user in User.objects.filter(pk__in=list(recruiter_ids), is_active=True, groups__name=Role.COMPANY_RECRUITER):
        sheets = list(
            FollowUpSheet.objects.filter(created_by=user, company_id=user.organisation_id, due_on__lte=limit)
            .select_related("candidate__employment_area", "status", "result")
            .order_by("due_on")
        )
        if not sheets or not user.email:
            continue
        try:
            with transaction.atomic():
                ReminderLog.objects.create(user=user, sent_on=today, sheet_count=len(sheets))
                send_templated_email(
                    "sar/emails/due_reminder",
                    {
                        "user": user,
                        "sheets": sheets,
                        "today": today,
                        "portfolio_url": settings.BASE_URL + reverse("sar_sheets:index"),
                    },
                    to=[user.email],
                )
        except IntegrityError:
            continue  # already reminded today
        sent += 1
    return sent


def training_commission_emails():
    from portal.accounts.models import User

    return list(
        User.objects.filter(groups__name=Role.TRAINING_COMMISSION, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def notify_training_need(need):
    """Tell the ADC commission a company submitted a pre-recruitment training need."""
    recipients = training_commission_emails() or [commission_email()]
    send_templated_email(
        "sar/emails/training_need",
        {"need": need, "url": settings.BASE_URL + reverse("sar_training_needs:edit", args=[need.pk])},
        to=recipients,
    )
