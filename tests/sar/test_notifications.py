"""Daily reminders of sheets due within 7 days or overdue: one e-mail per recruiter per day."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_q.models import Schedule

from portal.schedules import ensure_schedules
from recruitment.sar.models import ReminderLog
from recruitment.sar.notifications import send_due_reminders
from tests.sar.factories import FollowUpSheetFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_reminder_lists_due_and_overdue_sheets_once_a_day(recruiter, colleague, mailoutbox):
    company = recruiter.organisation
    overdue = FollowUpSheetFactory(company=company, created_by=recruiter, overdue=True)
    soon = FollowUpSheetFactory(company=company, created_by=recruiter, due_on=TODAY + timedelta(days=7))
    later = FollowUpSheetFactory(company=company, created_by=recruiter, due_on=TODAY + timedelta(days=8))
    FollowUpSheetFactory(company=company, created_by=recruiter, without_due_date=True)
    colleague_sheet = FollowUpSheetFactory(company=company, created_by=colleague, due_soon=True)

    assert send_due_reminders() == 2
    by_recipient = {email.to[0]: email for email in mailoutbox}
    mine = by_recipient[recruiter.email]
    assert str(overdue) in mine.body and str(soon) in mine.body
    assert str(later) not in mine.body
    assert str(colleague_sheet) not in mine.body
    assert "(dépassée)" in mine.body
    assert str(colleague_sheet) in by_recipient[colleague.email].body
    # Run again the same day (retry, second worker): nothing more.
    assert send_due_reminders() == 0
    assert len(mailoutbox) == 2
    assert ReminderLog.objects.filter(user=recruiter, sent_on=TODAY, sheet_count=2).exists()
    # The next day, a new reminder.
    assert send_due_reminders(today=TODAY + timedelta(days=1)) == 2


def test_a_sheet_due_today_is_reminded_but_not_marked_overdue(recruiter, mailoutbox):
    FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, due_on=TODAY)
    assert send_due_reminders() == 1
    assert "(dépassée)" not in mailoutbox[0].body
    # The next day, the same sheet is past its due date.
    send_due_reminders(today=TODAY + timedelta(days=1))
    assert "(dépassée)" in mailoutbox[1].body


def test_no_reminder_to_whoever_lost_the_pool_search(recruiter, mailoutbox):
    FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, overdue=True)
    recruiter.groups.clear()
    assert send_due_reminders() == 0


def test_no_reminder_without_due_sheets(recruiter, mailoutbox):
    FollowUpSheetFactory(company=recruiter.organisation, created_by=recruiter, due_on=TODAY + timedelta(days=30))
    assert send_due_reminders() == 0
    assert mailoutbox == []


def test_daily_schedule_registered():
    ensure_schedules()
    schedule = Schedule.objects.get(func="recruitment.sar.notifications.send_due_reminders")
    assert schedule.schedule_type == Schedule.DAILY
