"""E-mails of the recruitment support module: non-response alert, daily due-date reminders."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log as log_action
from wagtail.models import Site

from portal.accounts.models import User
from portal.mail.queue import send_templated_email
from portal.pages.models import SiteSettings
from recruitment.models import ContactPoint

from . import rules
from .enums import REMINDER_HORIZON_DAYS
from .models import FollowUpSheet, ReminderLog
from .perms import RECEIVE_TRAINING_NEEDS, SEARCH_POOL

NON_RESPONSE_ACTION = "sar.non_response"


def commission_email():
    """SiteSettings.commission_email of the default site, else settings.NEGE_COMMISSION_EMAIL."""
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
    log_action(sheet, NON_RESPONSE_ACTION, data={"to": recipient.email})
    return True


def users_with_perm(perm):
    """Active users granted `perm` by their groups or directly, with an e-mail address."""
    return User.objects.with_perm(perm, include_superusers=False).filter(is_active=True).exclude(email="")


def send_due_reminders(today=None):
    """Daily: e-mail each recruiter the sheets they created that are overdue or due within 7 days
    (those that will lock, or already lock, their pool search)."""
    today = today or timezone.localdate()
    due = FollowUpSheet.objects.due_soon(REMINDER_HORIZON_DAYS, today)
    recruiter_ids = due.filter(created_by__isnull=False).values_list("created_by_id", flat=True).distinct()
    sent = 0
    for user in users_with_perm(SEARCH_POOL).filter(pk__in=list(recruiter_ids)):
        sheets = list(
            due.filter(created_by=user, company_id=user.organisation_id)
            .select_related("candidate__employment_area", "status", "result")
            .order_by("due_on")
        )
        if not sheets:
            continue
        try:
            with transaction.atomic():
                ReminderLog.objects.create(user=user, sent_on=today, sheet_count=len(sheets))
                send_templated_email(
                    "sar/emails/due_reminder",
                    {
                        "user": user,
                        "sheets": sheets,
                        "rows": [(sheet, rules.is_overdue(sheet.due_on, today)) for sheet in sheets],
                        "portfolio_url": settings.BASE_URL + reverse("sar_sheets:index"),
                    },
                    to=[user.email],
                )
        except IntegrityError:
            continue  # already reminded today
        sent += 1
    return sent


def notify_training_need(need):
    """Tell the ADC commission a company submitted a pre-recruitment training need."""
    recipients = list(users_with_perm(RECEIVE_TRAINING_NEEDS).values_list("email", flat=True).distinct())
    send_templated_email(
        "sar/emails/training_need",
        {"need": need, "url": settings.BASE_URL + reverse("sar_training_needs:edit", args=[need.pk])},
        to=recipients or [commission_email()],
    )
