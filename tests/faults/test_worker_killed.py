"""A real `manage.py qcluster` worker is SIGKILLed in the middle of the news digest, then a new worker
starts: every digest reaches the SMTP server exactly once (counted by Message-ID), none is lost."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import Schedule
from django_q.tasks import async_task

from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail
from tests.news.factories import NewsPageFactory, subscriber

pytestmark = [pytest.mark.faults, pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

SUBSCRIBERS = 8
KILL_AFTER = 3


def database_url():
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def worker_env(smtp, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "EMAIL_URL"}}  # database broker
    env.update(
        DATABASE_URL=database_url(),
        EMAIL_URL=smtp.url,
        SECRET_KEY=django_settings.SECRET_KEY,  # tasks are signed with it
        DEBUG="1",
        NEGE_TASKS_SYNC="0",
        Q_WORKERS="1",
        NEGE_EMAIL_JOURNAL_DIR=str(tmp_path / "journal"),
        NEGE_EMAIL_LEASE="3",
        NEGE_EMAIL_SWEEP_AFTER="1",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )
    return env


def start_worker(env, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the kill takes the whole cluster
    )


def kill(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(20)


def wait_for(condition, timeout, what, log):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    log.flush()
    raise AssertionError(f"timed out waiting for {what}; worker log:\n" + Path(log.name).read_text()[-4000:])


def sent_count():
    return OutgoingEmail.objects.filter(state=EmailState.SENT).count()


def test_worker_sigkilled_mid_digest_then_a_new_worker(smtp, tmp_path, monkeypatch):
    for name, value in {"ORM": "default", "REDIS": None, "SYNC": False}.items():
        monkeypatch.setattr(Conf, name, value)  # this process enqueues on the workers' database broker
    NewsPageFactory(published_at=timezone.now() - timedelta(hours=1))
    for _ in range(SUBSCRIBERS):
        subscriber("vie-de-l-association")
    smtp.handler.rcpt_delay = 0.3  # each message takes a while: the kill lands mid-digest
    env = worker_env(smtp, tmp_path)
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 (kept open for both workers)
    Schedule.objects.all().delete()
    async_task("news.digest.send_news_digests")
    first = start_worker(env, log)
    try:
        # Kill right after a message was accepted and recorded, while the next one is on the wire.
        wait_for(lambda: len(smtp.handler.message_ids()) >= KILL_AFTER and sent_count() >= KILL_AFTER, 60, "sends", log)
        time.sleep(0.05)
        kill(first)
    finally:
        kill(first)
    received_before = sum(smtp.handler.message_ids().values())
    assert KILL_AFTER <= received_before < SUBSCRIBERS, "the kill did not land mid-digest"
    assert OutgoingEmail.objects.count() == SUBSCRIBERS
    left = Counter(OutgoingEmail.objects.exclude(state=EmailState.SENT).values_list("state", flat=True))
    assert sum(left.values()) == SUBSCRIBERS - received_before and set(left) <= {EmailState.SENDING, EmailState.QUEUED}
    print("left by the killed worker:", dict(left))

    # The new worker's scheduler runs the every-minute sweeper: lost tasks and the expired lease.
    Schedule.objects.create(
        name="Relance des courriels en échec",
        func="portal.mail.tasks.retry_due_emails",
        schedule_type=Schedule.MINUTES,
        minutes=1,
        repeats=-1,
        next_run=timezone.now(),
    )
    second = start_worker(env, log)
    try:
        wait_for(lambda: sent_count() == SUBSCRIBERS, 90, "every digest sent", log)
    finally:
        kill(second)  # everything is sent: nothing left to lose
        log.close()
    received = smtp.handler.message_ids()
    expected = set(OutgoingEmail.objects.values_list("message_id", flat=True))
    assert set(received) == expected, (tmp_path / "worker.log").read_text()[-3000:]
    assert set(received.values()) == {1}
