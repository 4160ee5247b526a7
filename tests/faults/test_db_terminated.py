"""The worker's database connection is terminated (pg_terminate_backend) right after SMTP accepted the
message: no second send, and the e-mail ends up `sent`."""

import threading
from datetime import timedelta

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from portal.mail import delivery, journal
from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail
from portal.mail.queue import queue_email
from portal.mail.tasks import deliver_email, retry_due_emails

pytestmark = [pytest.mark.faults, pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def conninfo():
    s = connection.settings_dict
    return psycopg.conninfo.make_conninfo(
        dbname=s["NAME"], user=s["USER"], password=s["PASSWORD"] or None, host=s["HOST"], port=s["PORT"] or None
    )


def worker(email_id, pids, errors):
    """A worker with its own database connection, as in a qcluster process."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pids.append(cursor.fetchone()[0])
        deliver_email(email_id)
    except Exception as exc:  # pragma: no cover - reported by the test
        errors.append(exc)
    finally:
        connection.close()


def test_connection_terminated_after_smtp_accepted(smtp, settings, monkeypatch):
    """Twice: the worker reconnects and records "sent" at once; then, with no retry allowed, the outcome is
    left to the journal and the sweeper. Neither sends twice."""
    settings.NEGE_TASKS_SYNC = False
    for record_tries in (delivery.RECORD_TRIES, 1):
        monkeypatch.setattr(delivery, "RECORD_TRIES", record_tries)
        email = queue_email(to=["rh@entreprise.test"], subject=f"Contact {record_tries}", body_text="Bonjour")
        pids, errors, terminated = [], [], []

        def terminate_the_worker(message, pids=pids, terminated=terminated):
            with psycopg.connect(conninfo(), autocommit=True) as admin:
                terminated.append(admin.execute("SELECT pg_terminate_backend(%s)", [pids[0]]).fetchone()[0])

        smtp.handler.on_data = terminate_the_worker
        thread = threading.Thread(target=worker, args=(email.pk, pids, errors))
        thread.start()
        thread.join(30)
        assert errors == [] and terminated == [True]
        smtp.handler.on_data = None

        email.refresh_from_db()
        if record_tries == 1:  # the outcome never reached the database: the journal has it
            assert email.state == EmailState.SENDING and journal.is_recorded(email.message_id)
        else:
            assert email.state == EmailState.SENT
        OutgoingEmail.objects.filter(pk=email.pk, state=EmailState.SENDING).update(
            claimed_until=timezone.now() - timedelta(seconds=1)
        )
        retry_due_emails()
        retry_due_emails()
        email.refresh_from_db()
        assert email.state == EmailState.SENT
        assert smtp.handler.message_ids()[email.message_id] == 1
        assert journal.entries() == []
