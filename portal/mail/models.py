"""Every e-mail the portal sends is recorded here first, then delivered by the worker."""

from django.conf import settings
from django.core.mail import make_msgid
from django.db import models

from portal.storage import private_storage

from .enums import AttemptOutcome, EmailState


def new_message_id():
    """A fresh, globally unique Message-ID (`<…@domain>`), fixed when the e-mail is recorded."""
    return make_msgid(domain=settings.NEGE_EMAIL_DOMAIN)


class OutgoingEmail(models.Model):
    to = models.JSONField("destinataires", default=list)
    cc = models.JSONField("copie à", default=list, blank=True)
    bcc = models.JSONField("copie cachée à", default=list, blank=True)
    reply_to = models.JSONField("répondre à", default=list, blank=True)
    from_email = models.CharField("expéditeur", max_length=255, blank=True)
    subject = models.CharField("objet", max_length=255)
    body_text = models.TextField("texte")
    body_html = models.TextField("HTML", blank=True)
    headers = models.JSONField("en-têtes", default=dict, blank=True)
    # Every (re)try of this e-mail carries the same Message-ID; a re-send asked by an administrator gets a new
    # one (the attempts keep the old ones).
    message_id = models.CharField("Message-ID", max_length=255, unique=True, default=new_message_id, editable=False)
    state = models.CharField(
        "état", max_length=20, choices=EmailState.choices, default=EmailState.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    next_attempt_at = models.DateTimeField("prochain essai", null=True, blank=True)
    # The claim of the worker sending it (state "sending"): after `claimed_until` without an outcome, the
    # sweeper checks the delivery journal, then sends it again with the same Message-ID.
    claim_token = models.CharField("jeton d'envoi", max_length=32, blank=True, editable=False)
    claimed_until = models.DateTimeField("envoi réservé jusqu'au", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "courriel"
        verbose_name_plural = "courriels envoyés"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="mail_due_idx")]
        permissions = [("resend_outgoingemail", "Peut renvoyer un courriel")]

    def __str__(self):
        return self.subject

    @property
    def recipients_display(self):
        return ", ".join(self.to)


class OutgoingEmailAttempt(models.Model):
    """One conversation with the mail server about an e-mail, with the Message-ID it carried."""

    email = models.ForeignKey(OutgoingEmail, on_delete=models.CASCADE, related_name="delivery_attempts")
    message_id = models.CharField("Message-ID", max_length=255)
    started_at = models.DateTimeField("commencée le")
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)
    outcome = models.CharField(
        "résultat", max_length=20, choices=AttemptOutcome.choices, default=AttemptOutcome.PENDING
    )
    error = models.TextField("erreur", blank=True)

    class Meta:
        verbose_name = "tentative d'envoi"
        verbose_name_plural = "tentatives d'envoi"
        ordering = ["started_at", "pk"]

    def __str__(self):
        return f"{self.message_id} ({self.get_outcome_display()})"


class OutgoingEmailAttachment(models.Model):
    email = models.ForeignKey(OutgoingEmail, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("fichier", upload_to="mail/%Y/%m/", storage=private_storage)
    filename = models.CharField("nom du fichier", max_length=255)
    mimetype = models.CharField("type", max_length=100)

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"

    def __str__(self):
        return self.filename
