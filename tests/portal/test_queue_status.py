"""`manage.py queue_status`: what an operator reads to know whether the background work keeps up."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Failure

from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def email(state, **kwargs):
    return OutgoingEmail.objects.create(
        to=["camille.martin@exemple.test"], subject="Dossier MARTIN", body_text="…", state=state, **kwargs
    )


def test_counts_emails_by_state_and_failed_tasks_without_personal_data():
    email(EmailState.QUEUED)
    email(EmailState.RETRYING)
    email(EmailState.RETRYING)
    email(EmailState.SENT)
    now = timezone.now()
    Failure.objects.create(
        id="a" * 32, name="x", func="portal.mail.tasks.deliver_email", started=now, stopped=now, success=False
    )
    out = StringIO()
    call_command("queue_status", stdout=out)
    text = out.getvalue()
    assert "En file d'attente : 1" in text
    assert "En échec, nouvel essai prévu : 2" in text
    assert "Envoyé : 1" in text
    assert "Tâches en échec (24 h) : 1" in text
    assert "camille" not in text and "MARTIN" not in text
