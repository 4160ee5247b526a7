"""The dossier's history: one entry per save, naming each changed field in French with old → new."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from recruitment.models import Candidate, CandidateDocument, DossierLogEntry

from .factories import PDF_BYTES, signature_data_url
from .helpers import dossier_data, formset, url


def created(client, adviser, **overrides):
    """A dossier created through the form, and the POST data that keeps it as it is."""
    data = dossier_data(adviser, **overrides)
    assert client.post(url("add"), data).status_code == 302
    return Candidate.objects.get(), data


def save(client, candidate, data, **changes):
    response = client.post(url("edit", candidate.pk), {**data, **changes})
    assert response.status_code == 302, response.context["form"].errors
    return DossierLogEntry.objects.for_instance(candidate).exclude(action__in=["wagtail.create"])


def document(candidate, title, order):
    return CandidateDocument.objects.create(
        candidate=candidate, doc_type="CV", title=title, file=ContentFile(PDF_BYTES, name="cv.pdf"), sort_order=order
    )


def documents_data(*docs, deleted=(), order=None):
    """The documents' forms as the page sends them: fixed positions, moves given by their ORDER values."""
    forms = [
        {"id": str(doc.pk), "doc_type": "CV", "title": doc.title, "DELETE": "1" if doc in deleted else ""}
        for doc in docs
    ]
    for form, position in zip(forms, order or [], strict=False):
        form["ORDER"] = str(position)
    return formset("candidate_documents", forms)


def changes_of(entries):
    (entry,) = entries
    assert entry.action == "recruitment.change"
    return {change["field"]: (change["old"], change["new"]) for change in entry.data["changes"]}


@pytest.mark.django_db
class TestOneEntryPerSave:
    def test_a_save_without_change_writes_nothing(self, client, adviser):
        candidate, data = created(client, adviser)
        assert not save(client, candidate, data).exists()

    def test_one_save_is_one_entry_listing_every_change(self, client, adviser):
        candidate, data = created(client, adviser)
        entries = save(
            client,
            candidate,
            data,
            phone="0611223344",
            email="zoe.durand@example.org",
            has_france_travail_id="True",
            france_travail_id="1234567A",
            is_rsa_beneficiary="True",
            caf_number="7654321",
        )
        assert changes_of(entries) == {
            "téléphone": ("0600000000", "0611223344"),
            "courriel": ("", "zoe.durand@example.org"),
            "identifiant Pôle Emploi connu": ("Non", "Oui"),
            "identifiant Pôle Emploi (France Travail)": ("", "1234567A"),
            "bénéficiaire du RSA": ("Non", "Oui"),
            "numéro CAF": ("", "7654321"),
        }
        assert not DossierLogEntry.objects.for_instance(candidate).filter(action="wagtail.edit").exists()

    def test_the_history_screen_shows_label_old_and_new(self, client, adviser):
        candidate, data = created(client, adviser)
        save(client, candidate, data, phone="0611223344")
        page = client.get(url("history", candidate.pk)).content.decode()
        assert "téléphone : 0600000000 → 0611223344" in page


@pytest.mark.django_db
class TestDocumentsAndConsentInHistory:
    def test_added_document_by_name(self, client, adviser):
        candidate, data = created(client, adviser)
        entries = save(
            client,
            candidate,
            data,
            **formset(
                "candidate_documents", [{"doc_type": "CV", "file": ContentFile(PDF_BYTES, "cv.pdf"), "title": ""}]
            ),
        )
        assert changes_of(entries) == {"documents transmis par le candidat": ("", "CV-1-DURAND-Zoe.pdf")}

    def test_removed_document_by_name(self, client, adviser):
        candidate, data = created(client, adviser)
        first, second = document(candidate, "CV-1.pdf", 0), document(candidate, "CV-2.pdf", 1)
        entries = save(client, candidate, data, **documents_data(first, second, deleted=[first]))
        assert changes_of(entries) == {"documents transmis par le candidat": ("CV-1.pdf, CV-2.pdf", "CV-2.pdf")}

    def test_reordered_documents(self, client, adviser):
        candidate, data = created(client, adviser)
        first, second = document(candidate, "CV-1.pdf", 0), document(candidate, "CV-2.pdf", 1)
        entries = save(client, candidate, data, **documents_data(first, second, order=[2, 1]))
        assert changes_of(entries) == {
            "documents transmis par le candidat": ("CV-1.pdf, CV-2.pdf", "CV-2.pdf, CV-1.pdf")
        }

    def test_consent_by_mode_and_date(self, client, adviser):
        candidate, data = created(client, adviser)
        entries = save(client, candidate, data, consent_method="signature", consent_signature=signature_data_url())
        today = timezone.localdate().strftime("%d/%m/%Y")
        old, new = changes_of(entries)["consentement"]
        assert old == "" and new.startswith(f"Signature sur l'écran le {today} ")
