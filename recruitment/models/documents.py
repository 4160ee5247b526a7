"""Files of a dossier: documents transmitted by the candidate (shown to recruiters) and internal ones."""

import os

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from portal.storage import private_storage
from portal.uploads import UploadValidator

from ..enums import CandidateDocumentType, InternalDocumentType
from ..rules import suggested_name
from .dossiers import Candidate

__all__ = ["CandidateDocument", "DossierDocument", "InternalDocument"]


def _document_path(instance, filename):
    return f"dossiers/{instance.candidate_id or 'nouveau'}/{filename}"


class DossierDocument(Orderable):
    """A private file of the dossier: served only through the permission-checked download view."""

    title = models.CharField(
        "nom du fichier",
        max_length=255,
        blank=True,
        help_text="Laissez vide : le nom recommandé (TYPE-N°-NOM-Prénom-Identifiant) est proposé automatiquement.",
    )
    file = models.FileField(
        "fichier",
        upload_to=_document_path,
        storage=private_storage,
        max_length=255,
        validators=[UploadValidator("document")],
        help_text="PDF, image (JPEG, PNG) ou document bureautique, 10 Mo au maximum.",
    )
    uploaded_at = models.DateTimeField("déposé le", default=timezone.now, editable=False)

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title or os.path.basename(self.file.name)

    def save(self, *args, **kwargs):
        if not self.title and self.file:
            extension = os.path.splitext(self.file.name)[1]
            candidate = self.candidate
            number = (
                type(self).objects.filter(candidate=candidate, doc_type=self.doc_type).exclude(pk=self.pk).count() + 1
                if candidate.pk
                else 1
            )
            self.title = suggested_name(
                self.doc_type, number, candidate.last_name, candidate.first_name, candidate.france_travail_id, extension
            )
        super().save(*args, **kwargs)


class CandidateDocument(DossierDocument):
    """Documents transmitted by the candidate: may be shown to company recruiters."""

    candidate = ParentalKey(Candidate, related_name="candidate_documents", on_delete=models.CASCADE)
    doc_type = models.CharField(
        "type de document", max_length=2, choices=CandidateDocumentType.choices, default=CandidateDocumentType.CV
    )

    class Meta(DossierDocument.Meta):
        verbose_name = "document transmis par le candidat"
        verbose_name_plural = "documents transmis par le candidat"


class InternalDocument(DossierDocument):
    """Internal documents (tests, certificates, mails): never shown to companies."""

    candidate = ParentalKey(Candidate, related_name="internal_documents", on_delete=models.CASCADE)
    doc_type = models.CharField(
        "type de document", max_length=2, choices=InternalDocumentType.choices, default=InternalDocumentType.TC
    )

    class Meta(DossierDocument.Meta):
        verbose_name = "document interne"
        verbose_name_plural = "documents internes"
