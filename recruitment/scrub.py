"""Erasing a candidate's traces outside the dossier: recorded e-mails, background-task payloads, history.

Called by `recruitment.privacy.anonymise` with the candidate's identity as it was before the erasure
(`needles`: e-mail address, name in its usual orders, identifiers). Stored files are deleted from
their storage once the transaction commits (a rolled-back erasure keeps its files).
"""

import html
import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django_q.models import OrmQ, Schedule, Task
from django_q.signing import BadSignature, SignedPackage
from wagtail.models import ModelLogEntry, Revision

from portal.mail.enums import EmailState
from portal.mail.models import OutgoingEmail, OutgoingEmailAttachment, OutgoingEmailAttempt

from .models import Candidate, DossierLogEntry

ERASED_SUBJECT = "Courriel effacé (protection des données personnelles)"
ERASED_BODY = "Le contenu de ce courriel a été effacé : il concernait une personne dont les données ont été effacées."
ERASED_ADDRESS = "[adresse effacée]"
ERASED_LABEL = "Élément anonymisé"
#: Keys of a task's arguments that name a dossier by its number.
DOSSIER_KEYS = ("candidate", "candidate_id", "candidate_pk", "dossier", "dossier_id", "dossier_pk")
TASK_BATCH = 500


def needles(candidate):
    """The strings that identify the candidate in free text (case-insensitive), longest first."""
    found = set()
    last, first = candidate.last_name.strip(), candidate.first_name.strip()
    if last and first:
        found.update({f"{last} {first}", f"{first} {last}", f"{last} ({first})"})
    for value, minimum in ((candidate.email, 3), (candidate.france_travail_id, 5), (candidate.caf_number, 5)):
        if value and len(value.strip()) >= minimum:
            found.add(value.strip())
    if len(re.sub(r"\D", "", candidate.phone or "")) >= 8:
        found.add(candidate.phone.strip())
    found.update({html.escape(text) for text in found})
    return sorted(found, key=len, reverse=True)


def without(texts, text):
    """`text` with every occurrence of `texts` replaced (a reason typed by an administrator, say)."""
    for needle in texts:
        text = re.sub(re.escape(needle), "[…]", text, flags=re.IGNORECASE)
    return text


def delete_files_on_commit(field_files):
    """Delete these stored files (FieldFile) from their storage after the current transaction commits."""
    targets = [(f.storage, f.name) for f in field_files if f and f.name and "/demo/" not in f.name]

    def delete():
        for storage, name in targets:
            storage.delete(name)

    transaction.on_commit(delete)
    return [name for _storage, name in targets]


def _contains_any(fields, texts):
    query = Q()
    for field in fields:
        for text in texts:
            query |= Q(**{f"{field}__icontains": text})
    return query


# --- Recorded e-mails (portal.mail) -----------------------------------------------------------------


def scrub_emails(texts, address):
    """Empty the recorded e-mails that name the candidate or were sent to them; cancel those still queued."""
    if not texts:
        return 0
    recipients = ("to_text", "cc_text", "bcc_text", "reply_to_text")
    emails = OutgoingEmail.objects.annotate(
        **{name: Cast(name.removesuffix("_text"), TextField()) for name in recipients}
    ).filter(
        _contains_any(("subject", "body_text", "body_html"), texts)
        | (_contains_any(recipients, [address]) if address else Q(pk__in=[]))
    )
    emails = list(emails.only("pk", "to", "cc", "bcc", "reply_to", "state"))
    if not emails:
        return 0
    attachments = OutgoingEmailAttachment.objects.filter(email__in=emails)
    delete_files_on_commit([attachment.file for attachment in attachments])
    attachments.delete()
    for email in emails:
        for field in ("to", "cc", "bcc", "reply_to"):
            setattr(email, field, [_erase_address(a, address) for a in getattr(email, field) or []])
        email.subject, email.body_text, email.body_html, email.headers = ERASED_SUBJECT, ERASED_BODY, "", {}
        if email.state in (EmailState.QUEUED, EmailState.SENDING, EmailState.RETRYING):
            email.state, email.next_attempt_at = EmailState.ABANDONED, None
            email.last_error = "Envoi annulé : données personnelles effacées."
    OutgoingEmail.objects.bulk_update(
        emails,
        ["to", "cc", "bcc", "reply_to", "subject", "body_text", "body_html", "headers", "state", "next_attempt_at",
         "last_error"],
    )  # fmt: skip
    # A server's reply may quote an address: the attempts' errors go too (their Message-IDs stay).
    OutgoingEmailAttempt.objects.filter(email__in=emails).update(error="")
    return len(emails)


def _erase_address(recorded, address):
    return ERASED_ADDRESS if address and address.casefold() in recorded.casefold() else recorded


# --- Background tasks (django-q2) -------------------------------------------------------------------


def mentions(value, texts, pk):
    """True when a task argument names the dossier: the dossier itself, its number under a dossier key,
    or a text holding one of `texts`."""
    if isinstance(value, Candidate):
        return value.pk == pk
    if isinstance(value, dict):
        return any(
            (key in DOSSIER_KEYS and item in (pk, str(pk))) or mentions(item, texts, pk) for key, item in value.items()
        )
    if isinstance(value, (list, tuple, set)):
        return any(mentions(item, texts, pk) for item in value)
    if isinstance(value, (str, bytes)):
        text = (value.decode(errors="ignore") if isinstance(value, bytes) else value).casefold()
        return any(needle.casefold() in text for needle in texts)
    return False


def _schedule_mentions(schedule, texts, pk):
    text = f"{schedule.args or ''} {schedule.kwargs or ''}"
    key_pattern = rf"['\"]?(?:{'|'.join(DOSSIER_KEYS)})['\"]?\s*[:=]\s*['\"]?{pk}\b"
    return mentions(text, texts, pk) or re.search(key_pattern, text) is not None


def scrub_tasks(texts, pk):
    """Empty the payloads of recorded tasks naming the dossier; drop the queued ones and the schedules."""
    scrubbed = []
    for offset in range(0, Task.objects.count(), TASK_BATCH):
        for task in Task.objects.order_by("started", "id").only("id", "args", "kwargs", "result")[
            offset : offset + TASK_BATCH
        ]:
            if mentions([task.args, task.kwargs, task.result], texts, pk):
                scrubbed.append(task.id)
    for task_id in scrubbed:  # a pickled field: one save per task (rare)
        Task.objects.filter(id=task_id).update(args=None, kwargs=None, result=None)
    queued = []
    for message in OrmQ.objects.all():
        try:
            payload = SignedPackage.loads(message.payload)
        except (BadSignature, ValueError, TypeError):
            continue
        if mentions([payload.get("args"), payload.get("kwargs")], texts, pk):
            queued.append(message.pk)
    OrmQ.objects.filter(pk__in=queued).delete()
    schedules = [s.pk for s in Schedule.objects.only("pk", "args", "kwargs") if _schedule_mentions(s, texts, pk)]
    Schedule.objects.filter(pk__in=schedules).delete()
    return len(scrubbed) + len(queued) + len(schedules)


# --- History (Wagtail log entries and revisions) ----------------------------------------------------


def scrub_object_history(model, pks, label=ERASED_LABEL):
    """Empty the log entries (what changed, their label) and drop the revisions of these objects."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ids = [str(pk) for pk in pks]
    if not ids:
        return
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(data={}, label=label)
    Revision.objects.filter(base_content_type=content_type, object_id__in=ids).delete()
    Revision.objects.filter(content_type=content_type, object_id__in=ids).delete()


def scrub_history(candidate, texts):
    """The dossier's own history (who did what and when is kept) and any log entry naming the candidate."""
    DossierLogEntry.objects.for_instance(candidate).update(data={}, label=f"Dossier n° {candidate.pk}")
    scrub_object_history(Candidate, [candidate.pk], label=f"Dossier n° {candidate.pk}")
    if texts:
        naming = ModelLogEntry.objects.annotate(data_text=Cast("data", TextField())).filter(
            _contains_any(("label", "data_text"), texts)
        )
        ModelLogEntry.objects.filter(pk__in=naming.values("pk")).update(data={}, label=ERASED_LABEL)
