"""Every e-mail the portal sends is recorded here first, then delivered by the worker."""

from django.db import models

from portal.storage import private_storage

from .enums import EmailState


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
    state = models.CharField(
        "état", max_length=20, choices=EmailState.choices, default=EmailState.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    next_attempt_at = models.DateTimeField("prochain essai", null=True, blank=True)
    created_at = models.DateTimeField("créé le", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "courriel"
        verbose_name_plural = "courriels envoyés"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="mail_due_idx")]

    def __str__(self):
        return self.subject

    @property
    def recipients_display(self):
        return ", ".join(self.to)


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
