"""Two `qcluster` workers on one database and one Redis broker: each daily task runs once, and a worker
SIGKILLed in the middle of a send leaves the other to finish the work, every e-mail received exactly once.

Both schedulers wake up together (django-q2 calls its scheduler every 30 seconds of a cluster's life) and
lock the due schedules (`SELECT ... FOR UPDATE`): one creates the day's tasks, the other finds nothing due.
"""

import asyncio
import time
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from django_q.models import Schedule, Task
from wagtail.models import Site

from news.models import NewsDelivery
from portal.mail.delivery import INTERRUPTED
from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail, OutgoingEmailAttempt
from portal.pages.models import SiteSettings
from portal.schedules import ensure_schedules
from recruitment.sar.models import ReminderLog
from tests.faults.smtp import Recorder, SmtpServer
from tests.membership.factories import MembershipApplicationFactory
from tests.news.factories import NewsPageFactory, subscriber
from tests.sar.factories import FollowUpSheetFactory, company_with_recruiters

from .stack import environment, port, wait_until

pytestmark = [pytest.mark.multiprocess, pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

SUBSCRIBERS = 8
PRESIDENT = "president@nege.test"
DIGEST = "Lettre quotidienne des actualités"
SAR_REMINDERS = "Rappel des fiches SAR à échéance"
MEMBERSHIP_REMINDERS = "Relance des demandes d'adhésion en attente"
SWEEPER = "Relance des courriels en échec"
BATCH_TASK = "'news.tasks.deliver_digest_emails'"  # how a worker logs the task it takes (django-q2)


class SessionsInRcpt(Recorder):
    """The fault tests' recorder, also telling to whom the senders now waiting in RCPT write (nothing of
    theirs accepted yet)."""

    def __init__(self):
        super().__init__()
        self.waiting = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            self.waiting.append(address)
        try:
            await asyncio.sleep(self.rcpt_delay)
        finally:
            with self.lock:
                self.waiting.remove(address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def waiting_for(self, addresses):
        with self.lock:
            return bool(set(self.waiting) & addresses)


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.port = port()
    server.handler = SessionsInRcpt()
    server.handler.rcpt_delay = 0.6  # a send takes a while: the kill lands in one
    server.start()
    yield server
    server.stop()


def the_days_work():
    """News for 8 subscribers, 2 recruiters with an overdue follow-up sheet, 2 applications waiting too long."""
    NewsPageFactory(published_at=timezone.now() - timedelta(hours=1))
    readers = [subscriber("vie-de-l-association") for _ in range(SUBSCRIBERS)]
    company, recruiters = company_with_recruiters(2)
    for recruiter in recruiters:
        FollowUpSheetFactory(company=company, created_by=recruiter, overdue=True)
    import_module("membership.migrations.0002_fee_grid_2019").seed_grid(apps, None)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.president_email = PRESIDENT
    site_settings.save()
    MembershipApplicationFactory.create_batch(2, overdue=True)
    return {r.email for r in readers}, {r.email for r in recruiters}


def digest_hour():
    """The hour the digest is sent in: this one, unless it ends before the first scheduler run can happen."""
    now = timezone.localtime()
    left = 3600 - (now.minute * 60 + now.second)
    if left < 100:
        time.sleep(left + 1)
    return timezone.localtime().hour


def results(group):
    tasks = Task.objects.filter(group=group)
    assert all(task.success for task in tasks), [task.result for task in tasks]
    return sorted(task.result for task in tasks)


def test_two_workers_run_each_daily_task_once_and_finish_the_work_of_a_killed_one(processes, s3, smtp, tmp_path):
    readers, recruiters = the_days_work()
    earlier = set(OutgoingEmail.objects.values_list("pk", flat=True))
    Schedule.objects.all().delete()
    ensure_schedules()  # every registered schedule, due now
    env = environment(
        tmp_path,
        s3,
        EMAIL_URL=smtp.url,
        NEGE_NEWS_DIGEST_HOUR=str(digest_hour()),
        NEGE_EMAIL_LEASE="3",
        NEGE_EMAIL_SWEEP_AFTER="20",  # the sweeper leaves the fresh digests to their batch task
    )
    workers = processes.workers(env)
    daily = (DIGEST, SAR_REMINDERS, MEMBERSHIP_REMINDERS)
    emails = OutgoingEmail.objects.exclude(pk__in=earlier)

    # Both clusters alive and scheduling. The digests go out as one batch task (news.tasks), sent by one
    # worker (the sweeper takes none before its next run): kill it while it waits on the server for a digest.
    def digests_received():
        return sum(1 for message in smtp.handler.messages if message["To"] in readers)

    def mid_batch():
        ready = all(Task.objects.filter(group=name).exists() for name in daily) and digests_received() >= 2
        return ready and smtp.handler.waiting_for(readers)

    wait_until(mid_batch, 120, "the day's tasks, then the digest batch half sent", processes.logs)
    logs = [tmp_path / f"worker-{number}.log" for number in (1, 2)]
    batch = [worker for worker, log in zip(workers, logs, strict=True) if BATCH_TASK in log.read_text()]
    assert len(batch) == 1
    processes.kill(batch[0])
    received_at_kill = digests_received()
    assert received_at_kill < SUBSCRIBERS

    # The survivor's next scheduler run: the every-minute sweeper, and the digest's next hourly run.
    Schedule.objects.filter(name__in=[SWEEPER, DIGEST]).update(next_run=timezone.now())
    wait_until(
        lambda: not emails.exclude(state=EmailState.SENT).exists() and Task.objects.filter(group=DIGEST).count() == 2,
        120,
        "every e-mail sent and the digest run again",
        processes.logs,
    )

    received = smtp.handler.message_ids()
    assert set(received) == set(emails.values_list("message_id", flat=True))
    assert set(received.values()) == {1}  # no e-mail twice
    by_recipient = [email.to[0] for email in emails]
    assert len(by_recipient) == SUBSCRIBERS + 2 + 1
    assert sorted(a for a in by_recipient if a in readers) == sorted(readers)  # one digest each
    assert sorted(a for a in by_recipient if a in recruiters) == sorted(recruiters)  # one SAR reminder each
    assert by_recipient.count(PRESIDENT) == 1  # one membership reminder, listing both applications
    assert NewsDelivery.objects.count() == SUBSCRIBERS
    assert ReminderLog.objects.count() == 2

    # Each daily task ran once; the digest's second (hourly) run found nobody due today.
    assert results(SAR_REMINDERS) == [2]
    assert results(MEMBERSHIP_REMINDERS) == [2]
    assert results(DIGEST) == [0, SUBSCRIBERS]
    tomorrow = timezone.now() + timedelta(hours=23)
    assert Schedule.objects.filter(name__in=daily[1:], next_run__gt=tomorrow).count() == 2

    # The killed worker's send was interrupted before the server accepted it; the survivor sent it and the
    # rest of the batch, once.
    interrupted = OutgoingEmailAttempt.objects.filter(error=INTERRUPTED)
    assert interrupted.count() == 1
    assert interrupted.get().email.attempts == 2 and interrupted.get().email.state == EmailState.SENT
